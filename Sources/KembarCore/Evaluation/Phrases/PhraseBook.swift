/// The English templates of every phrase the evaluation says, and the English words of its
/// vocabulary. Other languages keep the same keys in their own catalogs (the web's catalogs hold
/// them as `phrase.<key>` and `term.<key>`); a test proves none is missing.
public enum PhraseBook {
    public static let english: [String: String] = [
        "no-data": "no data: {0}",
        "in-parentheses": " ({0})",
        "no-window-activity": "no activity in the last {0} years",
        "amount": "{0} {1}",
        "c1.none": "the agreements create no obligations that fall due",
        "c1.none-due": "no obligation fell due in the last {0} years",
        "c1.met-one": "{0} of {1} occurrences of “{2}” due in the last {3} years were met ({4} of {5} since {6})",
        "c1.met-many": "{0} of {1} obligation occurrences due in the last {2} years were met ({3} of {4} since {5})",
        "c1.hosted": "hosted by {0} {1}, by {2} {3}",
        "c1.alternation-broken": "the same city hosted twice in a row {0} {0:time|times}",
        "c2.young": "the partnership is younger than {0} days",
        "c2.undated": "no agreement or activity is dated",
        "c2.active-since-agreement": "active in {0} of {1} calendar years since the first agreement ({2})",
        "c2.active-since-activity": "active in {0} of {1} calendar years since the first activity ({2})",
        "c2.vacuums": "{0} {0:vacuum|vacuums}: {1}",
        "c2.vacuum": "{0} to {1}, {2} days",
        "c2.silent": "silent for {0} {0:day|days} now",
        "c3.none": "no money, staff-days or in-kind contribution is recorded",
        "c3.resourced": "{0} resourced {1} of {2} activities in the last {3} years{4}",
        "c4.leaders": "a mayor or senior official took part in {0} of {1} calendar years since {2}",
        "c5.none": "the number of cooperation officers is not recorded",
        "c5.load": "{0} partnerships for {1} cooperation {1:officer|officers}: {2} per officer",
        "p1.kinds": "{0} {0:kind|kinds} of community actor from {1} took part in the last {2} years ({3}); from {4}: {5}",
        "p2.co-planned": "community actors helped plan {0} of {1} {1:activity|activities} in the last {2} years",
        "p3.reach":
            "{0} of {1} {1:activity|activities} in the last {2} years published to the public; participants counted for {3} ({4} {4:person|people})",
        "u1.none": "no agreement signed",
        "u1.essentials": "agreement {0} states {1} of {2} essentials",
        "u1.missing": "missing: {0}",
        "u2.none": "no agreed areas are recorded",
        "u2.linked": "{0} of {1} {1:activity|activities} in the last {2} years serve an agreed area",
        "u3.in-force-until": "agreement {0} is in force until {1}",
        "u3.in-force": "agreement {0} is in force with no end date",
        "u3.ended": "agreement {0} is not in force (it ended {1})",
        "u3.not-in-force": "agreement {0} is not in force",
        "u3.reviewed": "reviewed in the last {0} years",
        "u3.not-reviewed": "no joint review in the last {0} years",
        "u4.none": "the record holds no meeting or communication at all",
        "u4.per-year": "{0} joint {0:meeting or communication|meetings or communications} in the last {1} years: {2} a year",
        "r1.none": "no delegation with a known host in the last {0} years",
        "r1.delegations": "{0} received {1} {1:delegation|delegations} and sent {2} in the last {3} years",
        "r1.visitors": "{0} visitors received, {1} sent",
        "r2.none": "no costs recorded in the last {0} years",
        "r2.costs": "costs in the last {0} years: {1}",
        "r2.unit": "{0}: {1} {2}, {3} {4}",
        "r3.none": "no benefit recorded in the last {0} years",
        "r3.benefits": "benefits in the last {0} years: {1} to {2}{3}, {4} to {5}{6}",
        "r4.none": "no activity in the last {0} years records who started or hosted it",
        "r4.initiative": "in the last {0} years {1} started {2} and hosted {3}; {4} started {5} and hosted {6}",
        "t1.none": "no activity has taken place yet",
        "t1.recorded": "{0} of {1} {1:activity has|activities have} a recorded result",
        "t2.none": "no result recorded",
        "t2.evidenced": "{0} of {1} {1:result has|results have} evidence ({2} direct, {3} indirect)",
        "t3.quantified": "{0} of {1} {1:result is|results are} quantified{2}",
        "t4.none": "no result is marked as planned",
        "t4.delivered": "{0} of {1} planned {1:result|results} delivered",
        "t5.none": "no result old enough to tell is marked as sustained or not",
        "t5.sustained": "{0} of {1} {1:result|results} old enough to tell are still in use",
        "cap": "{0} cannot be rated better than its defining indicator {1} ({2}), which is {3}",
        "alarm.dormant": "no sign of life for {0} days{1} since {2}; dormant after {3} days",
        "alarm.over-years": " (over {0} years)",
        "alarm.last-activity": "last activity: {0}",
        "alarm.no-activity": "no activity is recorded",
        "alarm.obligation-missed": "“{0}” missed {1} of {2} times since {3}; last missed {4}",
        "alarm.every-time": "missed every time",
        "alarm.alternation": "the same city hosted twice in a row {0} {0:time|times}",
        "alarm.obligation-due": "“{0}” falls due on {1}, in {2} {2:day|days}",
        "alarm.agreement-expired": "agreement {0} ended on {1}; no agreement is in force",
        "alarm.agreement-expiring": "agreement {0} ends on {1}, in {2} {2:day|days} (within the {3}-day notice)",
        "alarm.area": "agreed area “{0}” has had no activity since agreement {1} of {2}",
        "alarm.one-way": "benefits flow one way: {0}",
        "alarm.public-trace": "in the last {0} years: {1}",
        "alarm.published": "{0} of {1} {1:activity|activities} published",
        "alarm.no-planners": "no community actor helped plan any of {0} {0:activity|activities}",
        "alarm.undocumented":
            "{0} of {1} {1:result has|results have} no evidence; a record of them may not survive the people who know them",
        "alarm.overloaded": "{0} partnerships for {1} cooperation {1:officer|officers}: {2} each, above {3}",
    ]

    /// English words of the vocabulary; keys without an entry are said by their fallback.
    public static let englishTerms: [String: String] = {
        var terms: [String: String] = [
            "none": "none",
            "essential.objectives": "objectives", "essential.areas": "areas", "essential.roles": "roles of each side",
            "essential.timeframe": "time frame", "essential.focal-points": "focal points", "essential.funding": "funding",
            "essential.dispute-resolution": "dispute resolution", "essential.review": "review",
            "community.school": "schools and universities", "community.ngo": "NGOs", "community.business": "business",
            "community.citizens": "citizens", "community.youth": "youth", "community.media": "media",
            "cost.staff-days": "staff-days", "cost.in-kind": "in-kind",
        ]
        for element in KeyElement.allCases { terms["element.\(element.rawValue)"] = element.rawValue }
        for status in ElementStatus.allCases { terms["status.\(status.rawValue)"] = status.rawValue }
        for indicator in IndicatorID.allCases { terms["indicator.\(indicator.rawValue)"] = indicator.name }
        for kind in Benefit.Kind.allCases { terms["benefit.\(kind.rawValue)"] = kind.rawValue }
        return terms
    }()
}
