import Foundation
import Logging
import NewsCore
import Yams

/// One thing wrong with the configuration, with the key it concerns.
package struct ConfigurationProblem: Error, Sendable, Equatable, CustomStringConvertible {
    package var key: String
    package var message: String
    /// Where the value came from: the file's path, `environment (NAME)` or `command line`.
    package var origin: String

    package var description: String { "\(origin): \(key): \(message)" }
}

/// The configuration could not be used; every problem found is listed.
package struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    package var problems: [ConfigurationProblem]
    package var description: String {
        "invalid configuration: " + problems.map(\.description).joined(separator: "; ")
    }
}

/// Builds `Settings` from the built-in defaults, then the configuration file, then `NEWSDIGEST_*` environment
/// variables, then command-line flags; later sources win.
package struct SettingsLoader: Sendable {
    /// The configuration file, if any.
    package var configPath: String?
    /// Values given on the command line, by key (`paths.inbox`).
    package var overrides: [String: String]
    package var environment: [String: String]
    /// The directory relative paths are resolved against.
    package var workingDirectory: String

    package init(
        configPath: String?, overrides: [String: String] = [:],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.configPath = configPath
        self.overrides = overrides
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// Every key the configuration accepts, in the order the documentation lists them.
    package static let keys: [String] = Setter.all.map(\.key)

    /// Loads and validates the settings.
    ///
    /// - Throws: `ConfigurationError` listing every problem, each with its key.
    package func load() throws -> Settings {
        var settings = Settings()
        var problems: [ConfigurationProblem] = []
        if let configPath {
            let origin = configPath
            do {
                let text = try String(contentsOfFile: configPath, encoding: .utf8)
                let flat = try Self.flatten(yaml: text, origin: origin, problems: &problems)
                for (key, value) in flat.sorted(by: { $0.key < $1.key }) {
                    Self.apply(key: key, value: value, origin: origin, to: &settings, problems: &problems)
                }
            } catch let error as ConfigurationProblem {
                problems.append(error)
            } catch {
                problems.append(
                    ConfigurationProblem(key: "(file)", message: "cannot read it: \(error.localizedDescription)",
                                         origin: origin))
            }
        }
        for setter in Setter.all {
            let name = Self.environmentName(for: setter.key)
            if let value = environment[name] {
                Self.apply(key: setter.key, value: value, origin: "environment (\(name))", to: &settings,
                           problems: &problems)
            }
        }
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            Self.apply(key: key, value: value, origin: "command line", to: &settings, problems: &problems)
        }
        settings.makePathsAbsolute(relativeTo: workingDirectory)
        problems += Self.crossChecks(settings)
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        return settings
    }

    /// `intake.settle_seconds` → `NEWSDIGEST_INTAKE_SETTLE_SECONDS`.
    package static func environmentName(for key: String) -> String {
        "NEWSDIGEST_" + key.uppercased().replacingOccurrences(of: ".", with: "_")
    }

    static func flatten(yaml text: String, origin: String, problems: inout [ConfigurationProblem]) throws
        -> [String: Any]
    {
        let document: Any?
        do {
            document = try Yams.load(yaml: text)
        } catch {
            throw ConfigurationProblem(key: "(syntax)", message: "not valid YAML: \(error)", origin: origin)
        }
        guard let document else { return [:] }
        guard let sections = document as? [String: Any] else {
            throw ConfigurationProblem(key: "(top level)", message: "expected sections such as 'paths:'", origin: origin)
        }
        var flat: [String: Any] = [:]
        for (section, content) in sections {
            if content is NSNull { continue }
            guard let entries = content as? [String: Any] else {
                problems.append(ConfigurationProblem(key: section, message: "expected a section of keys",
                                                     origin: origin))
                continue
            }
            for (key, value) in entries where !(value is NSNull) { flat["\(section).\(key)"] = value }
        }
        return flat
    }

    static func apply(
        key: String, value: Any, origin: String, to settings: inout Settings, problems: inout [ConfigurationProblem]
    ) {
        guard let setter = Setter.all.first(where: { $0.key == key }) else {
            let hint = Setter.all.map(\.key).min { editDistance($0, key) < editDistance($1, key) }
            let suggestion = hint.map { editDistance($0, key) <= 3 ? " (did you mean '\($0)'?)" : "" } ?? ""
            problems.append(ConfigurationProblem(key: key, message: "unknown key\(suggestion)", origin: origin))
            return
        }
        if let message = setter.apply(value, &settings) {
            problems.append(ConfigurationProblem(key: key, message: message, origin: origin))
        }
    }

    static func crossChecks(_ settings: Settings) -> [ConfigurationProblem] {
        var problems: [ConfigurationProblem] = []
        let inbox = settings.inbox
        for (key, path) in [
            ("paths.output", settings.output), ("paths.processing", settings.processingPath),
            ("paths.archive", settings.archivePath), ("paths.failed", settings.failedPath),
        ] where path == inbox || path.hasPrefix(inbox + "/") {
            problems.append(
                ConfigurationProblem(
                    key: key, message: "'\(path)' must not be inside the inbox '\(inbox)', or its files would be "
                        + "taken in again", origin: "settings"))
        }
        return problems
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        var previous = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}

/// How one configuration key is parsed and stored.
struct Setter: Sendable {
    var key: String
    /// Stores the value; returns a message saying what is wrong with it, or nil.
    var apply: @Sendable (Any, inout Settings) -> String?

    static func text(_ key: String, _ store: @escaping @Sendable (inout Settings, String) -> String?) -> Setter {
        Setter(key: key) { value, settings in
            guard let text = Self.string(value), !text.isEmpty else { return "expected a non-empty text" }
            return store(&settings, text)
        }
    }

    static func number(
        _ key: String, _ range: ClosedRange<Double>, _ store: @escaping @Sendable (inout Settings, Double) -> Void
    ) -> Setter {
        Setter(key: key) { value, settings in
            guard let number = Self.double(value) else { return "expected a number, got '\(value)'" }
            guard range.contains(number) else {
                return "\(Self.format(number)) is out of range (\(Self.format(range.lowerBound))…"
                    + "\(Self.format(range.upperBound)))"
            }
            store(&settings, number)
            return nil
        }
    }

    static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ type: Choice.Type, _ store: @escaping @Sendable (inout Settings, Choice) -> Void
    ) -> Setter where Choice.RawValue == String {
        Setter(key: key) { value, settings in
            guard let text = Self.string(value), let choice = Choice(rawValue: text.lowercased()) else {
                let names = Choice.allCases.map(\.rawValue).joined(separator: ", ")
                return "expected one of \(names), got '\(value)'"
            }
            store(&settings, choice)
            return nil
        }
    }

    static let all: [Setter] = [
        text("paths.inbox") { $0.inbox = $1; return nil },
        text("paths.output") { $0.output = $1; return nil },
        text("paths.state") { $0.stateDirectory = $1; return nil },
        text("paths.processing") { $0.processing = $1; return nil },
        text("paths.archive") { $0.archive = $1; return nil },
        text("paths.failed") { $0.failed = $1; return nil },
        number("intake.settle_seconds", 0...3600) { $0.settleSeconds = $1 },
        Setter(key: "intake.max_file_size") { value, settings in
            guard let bytes = Self.byteSize(value) else {
                return "expected a size such as 10485760, '10 MiB' or '512 KiB', got '\(value)'"
            }
            guard bytes >= 1, bytes <= 1 << 32 else { return "must be between 1 byte and 4 GiB" }
            settings.maxFileSize = bytes
            return nil
        },
        Setter(key: "intake.ignore") { value, settings in
            let patterns: [String]
            if let list = value as? [Any] {
                patterns = list.compactMap(Self.string)
                guard patterns.count == list.count else { return "expected a list of glob patterns" }
            } else if let text = Self.string(value) {
                patterns = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            } else {
                return "expected a list of glob patterns"
            }
            if let bad = patterns.first(where: { !Glob.isValid($0) }) { return "'\(bad)' is not a valid glob pattern" }
            settings.ignorePatterns = patterns
            return nil
        },
        choice("intake.archive_policy", Settings.ArchivePolicy.self) { $0.archivePolicy = $1 },
        number("intake.rescan_interval_seconds", 0...86_400) { $0.rescanIntervalSeconds = $1 },
        choice("intake.watch_mode", Settings.WatchMode.self) { $0.watchMode = $1 },
        number("intake.poll_interval_seconds", 0.1...3600) { $0.pollIntervalSeconds = $1 },
        number("intake.max_in_flight", 1...10_000) { $0.maxInFlight = Int($1) },
        text("digest.time_zone") { settings, name in
            guard name == "local" || TimeZone(identifier: name) != nil else {
                return "'\(name)' is not a time zone (use an IANA name such as Europe/Berlin, UTC, or local)"
            }
            settings.timeZone = name
            return nil
        },
        number("digest.summary_sentences", 1...10) { $0.summarySentences = Int($1) },
        number("digest.story_threshold", 0.01...1) { $0.storyThreshold = $1 },
        text("logging.level") { settings, name in
            guard let level = Logger.Level(rawValue: name.lowercased()) else {
                return "expected one of trace, debug, info, notice, warning, error, critical, got '\(name)'"
            }
            settings.logLevel = level
            return nil
        },
    ]

    static func string(_ value: Any) -> String? {
        switch value {
        case let text as String: return text
        case let number as Int: return String(number)
        case let number as Double: return String(number)
        case let flag as Bool: return String(flag)
        default: return nil
        }
    }

    static func double(_ value: Any) -> Double? {
        switch value {
        case let number as Int: return Double(number)
        case let number as Double: return number
        case let text as String: return Double(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    static func byteSize(_ value: Any) -> Int64? {
        if let number = value as? Int { return Int64(number) }
        guard let text = (value as? String)?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
        let units: [(String, Int64)] = [
            ("kib", 1 << 10), ("mib", 1 << 20), ("gib", 1 << 30), ("kb", 1000), ("mb", 1_000_000),
            ("gb", 1_000_000_000), ("k", 1 << 10), ("m", 1 << 20), ("g", 1 << 30), ("b", 1),
        ]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let number = Double(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)) else {
                return nil
            }
            return Int64(number * Double(factor))
        }
        return Int64(text)
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
