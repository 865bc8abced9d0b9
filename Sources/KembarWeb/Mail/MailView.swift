import Foundation
import KembarCore

/// What one message says, in the recipient's language: a greeting, sections of lines each
/// linked to where to act, and the way to choose what arrives. Written once as HTML (the
/// `mail` template) and once as plain text, with the same words.
struct MailView {
    struct Line {
        let text: String
        let href: String
    }

    struct Section {
        let title: String
        let lines: [Line]
    }

    let lang: String
    let subject: String
    let greeting: String
    let intro: String
    let sections: [Section]
    /// Where the person chooses what arrives and how often.
    let preferencesHref: String
    let preferencesText: String
    /// One click to stop this kind of message, when it is one a person may stop.
    let unsubscribeHref: String?
    let unsubscribeText: String?
    let footer: String

    /// The plain-text part: the same words, each link on its own line.
    var text: String {
        var lines = [greeting, "", intro, ""]
        for section in sections {
            lines.append(section.title)
            lines.append(String(repeating: "-", count: min(section.title.count, 60)))
            for line in section.lines {
                lines.append("* " + line.text)
                lines.append("  " + line.href)
            }
            lines.append("")
        }
        lines.append(preferencesText + ": " + preferencesHref)
        if let unsubscribeText, let unsubscribeHref { lines.append(unsubscribeText + ": " + unsubscribeHref) }
        lines += ["", "-- ", footer]
        return lines.joined(separator: "\n") + "\n"
    }
}
