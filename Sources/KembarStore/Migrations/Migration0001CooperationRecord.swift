/// The cooperation record of `kembar/1`: organizations, partners, partnerships and everything
/// that hangs off a partnership. Child rows are keyed by their parent's natural key and an
/// ordinal, so that a record is written and read back in the order it was given.
extension Migration {
    static let cooperationRecord = Migration(version: 1, name: "cooperation record") { _ in
        let text = ColumnType.text
        let integer = ColumnType.integer
        let double = ColumnType.double
        let boolean = ColumnType.boolean
        let partnershipKey = "organization_id \(text) NOT NULL, partnership_id \(text) NOT NULL"
        let partnershipReference =
            "FOREIGN KEY (organization_id, partnership_id) REFERENCES partnerships (organization_id, id) ON DELETE CASCADE"
        func childOf(_ table: String, _ column: String) -> String {
            "FOREIGN KEY (organization_id, partnership_id, \(column)) REFERENCES \(table) (organization_id, partnership_id, id) ON DELETE CASCADE"
        }
        return [
            """
            CREATE TABLE organizations (
                id \(text) PRIMARY KEY,
                name \(text) NOT NULL,
                place_name \(text) NOT NULL,
                place_country \(text) NOT NULL,
                place_lat \(double),
                place_lon \(double),
                cooperation_officers \(integer),
                cooperation_count \(integer),
                created_at \(text) NOT NULL,
                updated_at \(text) NOT NULL
            )
            """,
            """
            CREATE TABLE partners (
                organization_id \(text) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
                id \(text) NOT NULL,
                name \(text) NOT NULL,
                native_name \(text),
                country \(text) NOT NULL,
                kind \(text) NOT NULL,
                lat \(double),
                lon \(double),
                wikidata \(text),
                PRIMARY KEY (organization_id, id)
            )
            """,
            """
            CREATE TABLE partnerships (
                organization_id \(text) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
                id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                kind \(text) NOT NULL,
                partner_id \(text) NOT NULL,
                created_at \(text) NOT NULL,
                updated_at \(text) NOT NULL,
                PRIMARY KEY (organization_id, id),
                FOREIGN KEY (organization_id, partner_id) REFERENCES partners (organization_id, id)
            )
            """,
            "CREATE INDEX partnerships_partner ON partnerships (organization_id, partner_id)",
            """
            CREATE TABLE stage_events (
                \(partnershipKey),
                ordinal \(integer) NOT NULL,
                stage \(text) NOT NULL,
                happened_on \(text) NOT NULL,
                note \(text),
                PRIMARY KEY (organization_id, partnership_id, ordinal),
                \(partnershipReference)
            )
            """,
            """
            CREATE TABLE agreements (
                \(partnershipKey),
                id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                type \(text) NOT NULL,
                signed_on \(text) NOT NULL,
                valid_from \(text),
                valid_until \(text),
                supersedes \(text),
                PRIMARY KEY (organization_id, partnership_id, id),
                \(partnershipReference),
                FOREIGN KEY (organization_id, partnership_id, supersedes)
                    REFERENCES agreements (organization_id, partnership_id, id) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            """
            CREATE TABLE agreement_signatories (
                \(partnershipKey),
                agreement_id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                side \(text) NOT NULL,
                name \(text) NOT NULL,
                title \(text),
                PRIMARY KEY (organization_id, partnership_id, agreement_id, ordinal),
                \(childOf("agreements", "agreement_id"))
            )
            """,
            """
            CREATE TABLE agreement_areas (
                \(partnershipKey),
                agreement_id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                area \(text) NOT NULL,
                PRIMARY KEY (organization_id, partnership_id, agreement_id, ordinal),
                \(childOf("agreements", "agreement_id"))
            )
            """,
            """
            CREATE TABLE agreement_objectives (
                \(partnershipKey),
                agreement_id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                objective \(text) NOT NULL,
                PRIMARY KEY (organization_id, partnership_id, agreement_id, ordinal),
                \(childOf("agreements", "agreement_id"))
            )
            """,
            """
            CREATE TABLE agreement_clauses (
                \(partnershipKey),
                agreement_id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                clause \(text) NOT NULL,
                PRIMARY KEY (organization_id, partnership_id, agreement_id, ordinal),
                \(childOf("agreements", "agreement_id"))
            )
            """,
            """
            CREATE TABLE obligations (
                \(partnershipKey),
                id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                agreement_id \(text) NOT NULL,
                title \(text) NOT NULL,
                recurrence \(text) NOT NULL,
                due_from \(text) NOT NULL,
                due_until \(text),
                alternate_host \(boolean),
                PRIMARY KEY (organization_id, partnership_id, id),
                \(partnershipReference),
                FOREIGN KEY (organization_id, partnership_id, agreement_id)
                    REFERENCES agreements (organization_id, partnership_id, id) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            """
            CREATE TABLE documents (
                \(partnershipKey),
                id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                title \(text) NOT NULL,
                kind \(text) NOT NULL,
                document_date \(text),
                language \(text),
                source \(text),
                body \(text),
                PRIMARY KEY (organization_id, partnership_id, id),
                \(partnershipReference)
            )
            """,
            """
            CREATE TABLE activities (
                \(partnershipKey),
                id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                title \(text) NOT NULL,
                start_date \(text) NOT NULL,
                end_date \(text),
                start_earliest \(text),
                start_latest \(text),
                kind \(text) NOT NULL,
                host \(text),
                initiator \(text),
                is_public \(boolean) NOT NULL,
                PRIMARY KEY (organization_id, partnership_id, id),
                \(partnershipReference)
            )
            """,
            "CREATE INDEX activities_start ON activities (organization_id, partnership_id, start_latest)",
            """
            CREATE TABLE activity_areas (
                \(partnershipKey),
                activity_id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                area \(text) NOT NULL,
                PRIMARY KEY (organization_id, partnership_id, activity_id, ordinal),
                \(childOf("activities", "activity_id"))
            )
            """,
            """
            CREATE TABLE activity_fulfils (
                \(partnershipKey),
                activity_id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                obligation_id \(text) NOT NULL,
                PRIMARY KEY (organization_id, partnership_id, activity_id, ordinal),
                \(childOf("activities", "activity_id")),
                FOREIGN KEY (organization_id, partnership_id, obligation_id)
                    REFERENCES obligations (organization_id, partnership_id, id) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            """
            CREATE TABLE activity_participants (
                \(partnershipKey),
                activity_id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                side \(text) NOT NULL,
                participant_group \(text) NOT NULL,
                role \(text) NOT NULL,
                head_count \(integer),
                PRIMARY KEY (organization_id, partnership_id, activity_id, ordinal),
                \(childOf("activities", "activity_id"))
            )
            """,
            """
            CREATE TABLE activity_costs (
                \(partnershipKey),
                activity_id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                side \(text) NOT NULL,
                amount \(double) NOT NULL,
                currency \(text) NOT NULL,
                kind \(text) NOT NULL,
                PRIMARY KEY (organization_id, partnership_id, activity_id, ordinal),
                \(childOf("activities", "activity_id"))
            )
            """,
            """
            CREATE TABLE activity_benefits (
                \(partnershipKey),
                activity_id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                beneficiary \(text) NOT NULL,
                kind \(text) NOT NULL,
                description \(text),
                PRIMARY KEY (organization_id, partnership_id, activity_id, ordinal),
                \(childOf("activities", "activity_id"))
            )
            """,
            """
            CREATE TABLE activity_results (
                \(partnershipKey),
                activity_id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                kind \(text) NOT NULL,
                directness \(text) NOT NULL,
                description \(text) NOT NULL,
                planned \(boolean),
                delivered \(boolean),
                quantity_value \(double),
                quantity_unit \(text),
                sustained \(boolean),
                PRIMARY KEY (organization_id, partnership_id, activity_id, ordinal),
                \(childOf("activities", "activity_id"))
            )
            """,
            """
            CREATE TABLE result_evidence (
                \(partnershipKey),
                activity_id \(text) NOT NULL,
                result_ordinal \(integer) NOT NULL,
                ordinal \(integer) NOT NULL,
                document_id \(text) NOT NULL,
                PRIMARY KEY (organization_id, partnership_id, activity_id, result_ordinal, ordinal),
                FOREIGN KEY (organization_id, partnership_id, activity_id, result_ordinal)
                    REFERENCES activity_results (organization_id, partnership_id, activity_id, ordinal) ON DELETE CASCADE,
                FOREIGN KEY (organization_id, partnership_id, document_id)
                    REFERENCES documents (organization_id, partnership_id, id) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            """
            CREATE TABLE activity_documents (
                \(partnershipKey),
                activity_id \(text) NOT NULL,
                ordinal \(integer) NOT NULL,
                document_id \(text) NOT NULL,
                PRIMARY KEY (organization_id, partnership_id, activity_id, ordinal),
                \(childOf("activities", "activity_id")),
                FOREIGN KEY (organization_id, partnership_id, document_id)
                    REFERENCES documents (organization_id, partnership_id, id) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            """
            CREATE TABLE assessments (
                \(partnershipKey),
                ordinal \(integer) NOT NULL,
                element \(text) NOT NULL,
                status \(text) NOT NULL,
                assessed_by \(text) NOT NULL,
                assessed_on \(text) NOT NULL,
                note \(text) NOT NULL,
                PRIMARY KEY (organization_id, partnership_id, ordinal),
                \(partnershipReference)
            )
            """,
            """
            CREATE TABLE assessment_evidence (
                \(partnershipKey),
                assessment_ordinal \(integer) NOT NULL,
                ordinal \(integer) NOT NULL,
                document_id \(text) NOT NULL,
                quote \(text) NOT NULL,
                PRIMARY KEY (organization_id, partnership_id, assessment_ordinal, ordinal),
                FOREIGN KEY (organization_id, partnership_id, assessment_ordinal)
                    REFERENCES assessments (organization_id, partnership_id, ordinal) ON DELETE CASCADE,
                FOREIGN KEY (organization_id, partnership_id, document_id)
                    REFERENCES documents (organization_id, partnership_id, id) DEFERRABLE INITIALLY DEFERRED
            )
            """,
        ]
    }
}
