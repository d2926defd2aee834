import Foundation

/// The creation date written into PDFs: SOURCE_DATE_EPOCH when set (reproducible builds),
/// otherwise a fixed date, so the same figure always gives the same bytes.
public enum DocumentDate {
    static let fixed = "2000-01-01T00:00:00Z"

    /// ISO 8601 in UTC, the form `cairo_pdf_surface_set_metadata` accepts.
    public static func current(environment: [String: String]) -> String {
        guard let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text.trimmingCharacters(in: .whitespaces)),
            seconds >= 0, seconds < 253_402_300_800
        else { return fixed }
        return iso8601(secondsSinceEpoch: seconds)
    }

    /// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    static func iso8601(secondsSinceEpoch seconds: Int64) -> String {
        let days = seconds / 86_400, secondsOfDay = seconds % 86_400
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let time = "\(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60)):\(two(secondsOfDay % 60))"
        return "\(year)-\(two(month))-\(two(day))T\(time)Z"
    }
}
