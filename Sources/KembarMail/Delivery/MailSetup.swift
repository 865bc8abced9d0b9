/// How a deployment sends mail: the server and the sender every message comes from.
public struct MailSetup: Sendable {
    public var server: SMTPServer
    public var from: MailAddress

    public init(server: SMTPServer, from: MailAddress) {
        self.server = server
        self.from = from
    }
}
