import Foundation
import KembarCore

/// Turns record values into text for one language: partial dates, country names, numbers.
struct DisplayFormat: Sendable {
    let language: Language
    let catalog: Catalog

    /// `2018`, `Oktober 2019`, `21 September 2006`; ranges read "between … and …" or "… or earlier".
    func date(_ date: PartialDate) -> String {
        switch date {
        case .point(let point):
            return self.point(point)
        case .range(let earliest?, let latest?):
            return catalog.text("date_between", language)
                .replacingOccurrences(of: "{from}", with: point(earliest))
                .replacingOccurrences(of: "{to}", with: point(latest))
        case .range(nil, let latest?):
            return catalog.text("date_or_earlier", language).replacingOccurrences(of: "{date}", with: point(latest))
        case .range(let earliest?, nil):
            return catalog.text("date_or_later", language).replacingOccurrences(of: "{date}", with: point(earliest))
        case .range(nil, nil):
            return "—"
        }
    }

    private func point(_ point: DatePoint) -> String {
        let year = String(point.year)
        guard let month = point.month else { return year }
        let monthName = catalog.text("month_\(month)", language)
        guard let day = point.day else { return "\(monthName) \(year)" }
        return "\(day) \(monthName) \(year)"
    }

    /// The country's name in the interface language, from the ICU data Foundation carries.
    func country(_ code: String) -> String {
        // ICU's current short form for CN reads "China mainland"; people say China / Tiongkok.
        if code == "CN" { return catalog.text("country_CN", language) }
        return Locale(identifier: language.rawValue).localizedString(forRegionCode: code) ?? code
    }

    func number(_ value: Int) -> String {
        value.formatted(.number.locale(Locale(identifier: language.rawValue)))
    }
}
