import KembarCore

extension WorldMap {
    /// The map as an SVG image: the sea, the countries (those in `highlighted` shaded), then
    /// `overlay` (lines and markers) on top, titled and described for those who cannot see it.
    func svg(title: String, description: String, highlighted: Set<String>, overlay: String) -> String {
        var countries = ""
        for country in self.countries {
            let css = country.code.map { highlighted.contains($0) } == true ? "country partner-country" : "country"
            countries += "<path class=\"\(css)\" d=\"\(country.path)\"/>"
        }
        return
            "<svg class=\"world\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-labelledby=\"map-title map-description\">"
            + "<title id=\"map-title\">\(HTMLText.escape(title))</title><desc id=\"map-description\">\(HTMLText.escape(description))</desc>"
            + "<rect class=\"sea\" width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\"/>" + countries + overlay
            + "</svg>"
    }

    /// A gentle curve from one point to another, the short way round the world: a line that would
    /// cross more than half the map is drawn off one edge, and again in from the other.
    static func arc(
        from start: (x: Double, y: Double), to end: (x: Double, y: Double), css: String, title: String,
        width: Double? = nil
    ) -> String {
        let style = width.map { " style=\"stroke-width:\(HTMLText.number($0))\"" } ?? ""
        func curve(_ start: (x: Double, y: Double), _ end: (x: Double, y: Double)) -> String {
            // The bend is kept inside the map, so that a long line does not leave it at the top.
            let control = (x: (start.x + end.x) / 2, y: max(min(start.y, end.y) - abs(end.x - start.x) / 6, 2))
            return
                "<path class=\"\(css)\"\(style) d=\"M\(HTMLText.number(start.x)) \(HTMLText.number(start.y))Q\(HTMLText.number(control.x)) \(HTMLText.number(control.y)) \(HTMLText.number(end.x)) \(HTMLText.number(end.y))\"><title>\(HTMLText.escape(title))</title></path>"
        }
        guard abs(end.x - start.x) > Self.width / 2 else { return curve(start, end) }
        let shift = end.x > start.x ? -Self.width : Self.width
        return curve(start, (end.x + shift, end.y)) + curve((start.x - shift, start.y), end)
    }
}
