import KembarCore

/// What the public pages show: names, kinds, countries, dates and public activities only.
enum PublicView {
    struct Link {
        let href: String
        let label: String
    }

    struct Home {
        let governments: [Link]
    }

    struct PartnershipLine {
        let href: String
        let partner: String
        let country: String
        let kind: String
        let since: String?
        let publicActivities: String
    }

    struct ActivityLine {
        let date: String
        let title: String
        let kind: String
        let partnership: String?
        let href: String?
    }

    struct Organization {
        let heading: String
        let partnerships: [PartnershipLine]
        let activities: [ActivityLine]
        let hasActivities: Bool
        let feed: String
        let calendar: String
        let partnersMap: String

        init(record: CooperationRecord, today: CalendarDay, words: Words) {
            let organizationID = record.organization.id
            heading = words.text("public_organization_title", ["name": record.organization.name])
            partnerships = record.partnerships.map { partnership in
                PartnershipLine(
                    href: SitePath.publicPartnership(organizationID, partnership.id),
                    partner: partnership.partner.name, country: words.country(partnership.partner.country),
                    kind: words.term(partnership.kind, "partnership-kind"),
                    since: partnership.firstRecordedDate(by: today).map(words.date),
                    publicActivities: words.count(partnership.activities.count(where: \.isPublic)))
            }
            let recent = record.partnerships.flatMap { partnership in
                partnership.activities.filter(\.isPublic).map { (partnership, $0) }
            }
            .sorted { $0.1.start.span.upperBound > $1.1.start.span.upperBound }.prefix(20)
            activities = recent.map { partnership, activity in
                ActivityLine(
                    date: words.date(activity.start), title: activity.title,
                    kind: words.term(activity.kind, "activity-kind"), partnership: partnership.partner.name,
                    href: SitePath.publicPartnership(organizationID, partnership.id))
            }
            hasActivities = !activities.isEmpty
            feed = SitePath.publicFeed(organizationID)
            calendar = SitePath.publicCalendar(organizationID)
            partnersMap = SitePath.publicPartners(organizationID)
        }
    }

    struct PartnershipPage {
        let heading: String
        let nativeName: String?
        let facts: [PartnershipView.Fact]
        let activities: [ActivityLine]
        let hasActivities: Bool
        let propose: String
        let back: String

        init(organization: KembarCore.Organization, partnership: Partnership, today: CalendarDay, words: Words) {
            let organizationID = organization.id
            heading = "\(organization.place.name) – \(partnership.partner.name)"
            nativeName = partnership.partner.nativeName
            var facts = [
                PartnershipView.Fact(
                    label: words.text("column_kind"), value: words.term(partnership.kind, "partnership-kind")),
                PartnershipView.Fact(
                    label: words.text("column_country"), value: words.country(partnership.partner.country)),
            ]
            if let since = partnership.firstRecordedDate(by: today) {
                facts.append(PartnershipView.Fact(label: words.text("public_since"), value: words.date(since)))
            }
            self.facts = facts
            activities = partnership.activities.filter(\.isPublic)
                .sorted { $0.start.span.upperBound > $1.start.span.upperBound }
                .map { activity in
                    ActivityLine(
                        date: words.date(activity.start), title: activity.title,
                        kind: words.term(activity.kind, "activity-kind"), partnership: nil, href: nil)
                }
            hasActivities = !activities.isEmpty
            propose = SitePath.propose(organizationID, partnership.id)
            back = SitePath.publicOrganization(organizationID)
        }
    }
}
