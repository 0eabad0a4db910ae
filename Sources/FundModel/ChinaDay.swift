extension Day {
    /// China Standard Time is UTC+8 all year (no daylight saving since 1991).
    public static let chinaOffsetSeconds: Int64 = 8 * 3600

    /// The calendar day in China of a moment given as seconds since 1970-01-01 UTC.
    ///
    /// The one conversion of a moment to a day: statutory deadlines, the screening date and "today" in the
    /// console, the CLI and the registers are China days, whatever zone the server runs in (a host in UTC
    /// is still on yesterday until 08:00 China time).
    public static func inChina(unixSeconds: Int64) -> Day {
        let local = unixSeconds + chinaOffsetSeconds
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return Day(ordinal: Int32(days))
    }
}
