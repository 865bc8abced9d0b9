/// Why an account could not be created or changed, worded for the person who asked.
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidEmail(String)
    case emailTaken(String)
    case organizationNotFound(String)
    case organizationRequired
    case partnershipRequired
    case partnershipNotFound(String)
    case partnershipOnlyForPartner
    case accountNotFound
    case lastAdministrator
    case password(PasswordProblem)

    public var description: String {
        switch self {
        case .invalidEmail(let email): "\"\(email)\" is not an e-mail address"
        case .emailTaken(let email): "an account for \(email) already exists"
        case .organizationNotFound(let id): "no organization \"\(id)\" in the database"
        case .organizationRequired: "this role belongs to one government: choose it with --organization"
        case .partnershipRequired: "a partner account belongs to one partnership: choose it with --partnership"
        case .partnershipNotFound(let id): "no partnership \"\(id)\" in that organization"
        case .partnershipOnlyForPartner: "only a partner account belongs to a single partnership"
        case .accountNotFound: "no such account"
        case .lastAdministrator: "this is the last active administrator of the deployment; appoint another first"
        case .password(let problem): problem.description
        }
    }
}
