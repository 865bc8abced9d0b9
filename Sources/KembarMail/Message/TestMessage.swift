import Foundation

extension MailMessage {
    /// The message `kembar mail test` sends, to check that mail leaves and arrives.
    public static func test(from: MailAddress, to: MailAddress, server: String, language: String, date: Date = Date())
        -> MailMessage
    {
        let indonesian = language == "id"
        let subject = indonesian ? "Kembar: pesan uji" : "Kembar: test message"
        let text =
            indonesian
            ? "Pesan ini dikirim oleh Kembar melalui \(server) untuk menguji pengiriman surel.\nBila Anda menerimanya, surel Kembar sampai.\n"
            : "Kembar sent this message through \(server) to test its mail.\nIf you received it, Kembar's mail arrives.\n"
        let html =
            "<!DOCTYPE html><html lang=\"\(indonesian ? "id" : "en")\"><body><p>"
            + text.split(separator: "\n").joined(separator: "</p><p>") + "</p></body></html>"
        return MailMessage(
            from: from, to: to, subject: subject, text: text, html: html, date: date, language: indonesian ? "id" : "en"
        )
    }
}
