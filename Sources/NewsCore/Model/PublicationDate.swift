/// When an article was published, as precisely as its source said, and where that came from.
package struct PublicationDate: Hashable, Sendable, Codable {
    /// Where a date was found. The digest shows it so a reader can judge how far to trust it.
    package enum Origin: String, Sendable, Hashable, Codable {
        case header
        case meta
        case embed
        case text
        case arrival
    }

    package var day: CivilDate
    /// Seconds after midnight, when the source gave a time.
    package var secondsIntoDay: Int?
    /// The source's offset from UTC in seconds, when it gave one.
    package var utcOffsetSeconds: Int?
    package var origin: Origin

    package init(day: CivilDate, secondsIntoDay: Int? = nil, utcOffsetSeconds: Int? = nil, origin: Origin) {
        self.day = day
        self.secondsIntoDay = secondsIntoDay
        self.utcOffsetSeconds = utcOffsetSeconds
        self.origin = origin
    }

    /// ISO 8601: the day alone, or a date-time with its offset when the time is known.
    package var iso8601: String {
        guard let seconds = secondsIntoDay else { return day.description }
        let time =
            "\(CivilDate.pad(seconds / 3600, 2)):\(CivilDate.pad(seconds / 60 % 60, 2)):\(CivilDate.pad(seconds % 60, 2))"
        guard let offset = utcOffsetSeconds else { return "\(day)T\(time)" }
        if offset == 0 { return "\(day)T\(time)Z" }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(day)T\(time)\(sign)\(CivilDate.pad(magnitude / 3600, 2)):\(CivilDate.pad(magnitude / 60 % 60, 2))"
    }
}
