import Foundation
import KembarCore

/// A government's partners as GeoJSON (RFC 7946), for maps and GIS programs: a point per
/// partner (with no geometry where the record has no coordinates), and the home government.
/// Only what the public portal shows: names, places, kinds, and the public page's address.
enum PartnersGeoJSON {
    static func document(_ record: CooperationRecord, publicPage: (String) -> String) -> JSONValue {
        let organization = record.organization
        var features = [
            feature(
                organization.place.coordinate,
                .members([
                    "role": .string("home"), "organization": .string(organization.id),
                    "name": .string(organization.name), "place": .string(organization.place.name),
                    "country": .string(organization.place.country),
                ]))
        ]
        for partnership in record.partnerships.sorted(by: { $0.id < $1.id }) {
            let partner = partnership.partner
            features.append(
                feature(
                    partner.coordinate,
                    .members([
                        "role": .string("partner"), "partnership": .string(partnership.id),
                        "name": .string(partner.name), "nativeName": partner.nativeName.map(JSONValue.string),
                        "country": .string(partner.country), "partnerKind": .string(partner.kind.rawValue),
                        "partnershipKind": .string(partnership.kind.rawValue),
                        "category": .string(ReportCategory(partner).rawValue),
                        "wikidata": partner.wikidata.map(JSONValue.string),
                        "url": .string(publicPage(partnership.id)),
                    ])))
        }
        return .members(["type": .string("FeatureCollection"), "features": .array(features)])
    }

    private static func feature(_ coordinate: Coordinate?, _ properties: JSONValue) -> JSONValue {
        .members([
            "type": .string("Feature"),
            "geometry": coordinate.map {
                .members([
                    "type": .string("Point"), "coordinates": .array([.number($0.longitude), .number($0.latitude)]),
                ])
            } ?? .null,
            "properties": properties,
        ])
    }
}
