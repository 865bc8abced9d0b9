import Mustache

// The yearly report of a large office has a hundred thousand activity rows; finding each field
// by reflection took most of the time its page took to render. These answer by name instead.

extension AnnualReportView.Summary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        default: nil
        }
    }
}

extension AnnualReportView.Section: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "heading": heading
        case "empty": empty
        case "cooperations": cooperations
        default: nil
        }
    }
}

extension AnnualReportView.Cooperation: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "heading": heading
        case "facts": facts
        case "agreements": agreements
        case "areas": areas
        case "activities": activities
        case "obstacles": obstacles
        case "followUp": followUp
        default: nil
        }
    }
}

extension AnnualReportView.AgreementLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "signed": signed
        case "validity": validity
        case "standing": standing
        case "signatories": signatories
        default: nil
        }
    }
}

extension AnnualReportView.AreaLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "served": served
        default: nil
        }
    }
}

extension AnnualReportView.ActivityLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "dates": dates
        case "title": title
        case "kind": kind
        case "place": place
        case "participants": participants
        case "costs": costs
        case "results": results
        default: nil
        }
    }
}
