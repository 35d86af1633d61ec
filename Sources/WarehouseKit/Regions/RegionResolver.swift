/// Settles a report's region to a gazetteer code, or leaves it open with candidates.
///
/// The report's own region is taken from the mention and the title, else from the opening
/// formula (我代表政协兰州市城关区…委员会, 我受…人大常委会委托), else from a body's name repeated in
/// the text (中共XX区委) when the text speaks at that level (全区). A name shared by several units
/// is settled only by evidence specific to one of them: a fuller name (兰州市城关区) or a full
/// parent name in the title or opening formula; in the rest of the text, its parent or fuller
/// name used as a body (兰州市委, 《武汉市青山区人大常委会关于…》) or its parent's full name three
/// times, and only when every parent named anywhere fits it. Reports cite other regions (a
/// province law, a visit to a sister district, aid to 武汉 in 2020), and short names (兰州, 长治
/// in 长治久安) can only hold a decision open, never make one.
///
/// A retired unit (see `RegionChange`) resolves to the one unit that took over its area, with a
/// note; when its area went to several units the code stays open with all of them as candidates.
public struct RegionResolver: Sendable {
    public let gazetteer: Gazetteer

    /// How many UTF-8 bytes (about 300 characters) of a report count as its opening: the
    /// 我代表…/我受…委托 sentence comes within the first lines after the title.
    static let openingLength = 900

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// - Parameter mentionSource: where the segmenter read `mention` (the title, the delivery
    ///   line, the opening), said in the note so an analyst can audit what settled the region.
    public func resolve(
        title: String, mention: String?, text: some StringProtocol, mentionSource: String = "title"
    ) -> RegionResolution {
        let heading = NamedText((mention.map { $0 + "\n" } ?? "") + title, index: gazetteer.names)
        // Most reports are settled by the title and opening: the rest is scanned only when needed.
        let bytes = Array(text.utf8)
        let opening = NamedText(bytes: bytes, index: gazetteer.names, limit: Self.openingLength)
        let formula = ownRegion(in: opening, use: .ownFormula)
        if var found = ownRegion(in: heading, use: .anyName) {
            // A title naming two regions (a subtitle, a visit) is settled by the opening formula
            // when that names one of them.
            if found.conflicting, let formula, !formula.conflicting, formula.places.allSatisfy(found.places.contains) {
                found = formula
            }
            return explained(settle(found, heading: heading, opening: opening) { NamedText(bytes: bytes, index: gazetteer.names) },
                             by: "'\(found.names.joined(separator: ", "))' in the \(mentionSource)")
        }
        if let formula {
            return explained(settle(formula, heading: heading, opening: opening) { NamedText(bytes: bytes, index: gazetteer.names) },
                             by: "'\(formula.names.joined(separator: ", "))' in the opening formula")
        }
        let body = NamedText(bytes: bytes, index: gazetteer.names)
        let level = OwnLevel.find(in: body, opening: Self.openingLength)
        // A superior's body named in the text (中共浙江省委 in a city's report) is not the
        // report's own: a body name counts only at the level the report speaks at.
        guard let found = ownRegion(in: body, use: .bodyName, minimumMentions: 2), speaksAsItsOwn(found, in: body),
              level.map({ level in found.names.allSatisfy(level.fits) }) ?? true else {
            if let level, let settled = settle(level, in: body) { return settled }
            return RegionResolution(
                code: nil, note: "no region is named in the title or opening, nor twice by a body in the text (中共XX区委, XX区人大)")
        }
        var result = settle(found, heading: heading, opening: opening) { body }
        let hint = "the title and opening name no region; taken from '\(found.names.joined(separator: ", "))', named as a body \(found.mentions) times in the text"
        result.note = [hint, result.note].compactMap { $0 }.joined(separator: "; ")
        return result
    }

    /// Whether a region as written ends with a place's name (城区, 兰州市城关区), not only with a
    /// level (自治区, 届市, 召开的省): what is worth showing for a report whose code stays open.
    public func namesAPlace(_ mention: String) -> Bool {
        let zone = NamedText(mention, index: gazetteer.names)
        return zone.hits.last?.end == zone.bytes.count
    }

    /// A settled region's note names the evidence first (settled by '哈尔滨市' in the delivery
    /// line), before what the settling had to say.
    private func explained(_ resolution: RegionResolution, by evidence: String) -> RegionResolution {
        guard resolution.code != nil, !resolution.given else { return resolution }
        var result = resolution
        result.note = ["settled by \(evidence)", resolution.note].compactMap { $0 }.joined(separator: "; ")
        return result
    }

    // MARK: - Finding the report's own region

    /// The units a report names as its own, and the names it used.
    private struct Subject {
        var places: [Int]
        var names: [String]
        var conflicting = false
        /// How often the name was found as the report's own.
        var mentions = 1
    }

    private func rank(_ level: Region.Level) -> Int {
        switch level {
        case .county: 0
        case .prefecture: 1
        case .province: 2
        }
    }

    /// The places a hit may stand for as a report's own region: full names always, short names
    /// of provinces and prefectures only before a body's name (宁夏政协, 兰州人大); two-character
    /// names (城区, 郊区) only where they start a word (never 主城区).
    private func subjectPlaces(_ hit: PlaceNameIndex.Hit, at index: Int, in zone: NamedText) -> [Int] {
        let full = gazetteer.names.entries(of: hit).filter { !$0.short }.map(\.place)
        if !full.isEmpty {
            if Self.isTwoCharacters(hit) && !startsWord(hit, at: index, in: zone) { return [] }
            return full
        }
        return zone.bodyNameFollows(hit.end) ? gazetteer.names.entries(of: hit).map(\.place) : []
    }

    /// Names are CJK ideographs, three UTF-8 bytes each.
    private static func isTwoCharacters(_ hit: PlaceNameIndex.Hit) -> Bool { hit.end - hit.start <= 6 }

    private static let bodyPrefixes = ["政协", "中共", "中国人民政治协商会议"].map { Array($0.utf8) }
    private static let ownFormulaPrefixes = ["政协", "中国人民政治协商会议", "代表", "受"].map { Array($0.utf8) }

    private func startsWord(_ hit: PlaceNameIndex.Hit, at index: Int, in zone: NamedText) -> Bool {
        if index > 0, zone.adjacent(zone.hits[index - 1], hit) { return true }
        if !zone.followsIdeograph(hit.start) { return true }
        return zone.endsWithAny(at: zone.skipTerm(backwardFrom: hit.start), Self.bodyPrefixes)
    }

    /// Whether the text speaks of its region at the level of the name found in the body (全区,
    /// 我县, 本市 for a name ending in 区, 县, 市): a provincial report citing a county's
    /// congress twice says 全省, not 全县.
    private func speaksAsItsOwn(_ subject: Subject, in text: NamedText) -> Bool {
        guard let name = subject.names.first, let suffix = name.last else { return false }
        return ["全", "我", "本"].contains { text.contains(Array(($0 + String(suffix)).utf8)) }
    }

    /// How a name must be used to count as the report's own region.
    private enum NameUse {
        /// Any name (in the title and mention).
        case anyName
        /// 我代表政协XX区…委员会, 我受XX区…人大常委会委托 (in the opening).
        case ownFormula
        /// XX区委, XX区人大, 政协XX区 (anywhere).
        case bodyName
    }

    /// - Parameter minimumMentions: in the body a single 中共XX县委 may be a county the report
    ///   only cites, so the body must name its region as a body more than once.
    private func ownRegion(in zone: NamedText, use: NameUse, minimumMentions: Int = 1) -> Subject? {
        var found: [(hit: Int, places: [Int])] = []
        for (index, hit) in zone.hits.enumerated() {
            let places = subjectPlaces(hit, at: index, in: zone)
            guard !places.isEmpty else { continue }
            switch use {
            case .anyName: break
            case .ownFormula: if !isOwnBodyFormula(at: index, in: zone) { continue }
            case .bodyName: if !chainNamesBody(at: index, in: zone) { continue }
            }
            found.append((index, places))
        }
        guard !found.isEmpty else { return nil }
        let levelOf: ([Int]) -> Int = { places in places.map { self.rank(self.gazetteer.places[$0].level) }.min() ?? 2 }
        let lowest = found.map { levelOf($0.places) }.min()!
        let lowestFound = found.filter { levelOf($0.places) == lowest }
        // Two names at the same level (集美区人大常委会赴巴南区考察) are a conflict, not a choice.
        let places = lowestFound.dropFirst().reduce(lowestFound[0].places) { acc, item in acc.filter(item.places.contains) }
        var names: [String] = []
        for item in lowestFound {
            let name = gazetteer.names.key(of: zone.hits[item.hit])
            if !names.contains(name) { names.append(name) }
        }
        if places.isEmpty {
            var union: [Int] = []
            for item in lowestFound { for p in item.places where !union.contains(p) { union.append(p) } }
            // An old and a new name of the same unit (莱城区, 莱芜区) do not conflict.
            return Subject(places: union, names: names, conflicting: currentCodes(of: union).count > 1)
        }
        guard lowestFound.count >= minimumMentions else { return nil }
        return Subject(places: places, names: names, mentions: lowestFound.count)
    }

    /// The run of adjacent names a hit belongs to (舟山市定海区 in 政协第七届舟山市定海区委员会).
    private func run(around index: Int, in zone: NamedText) -> ClosedRange<Int> {
        var first = index
        while first > 0, zone.adjacent(zone.hits[first - 1], zone.hits[first]) { first -= 1 }
        var last = index
        while last + 1 < zone.hits.count, zone.adjacent(zone.hits[last], zone.hits[last + 1]) { last += 1 }
        return first...last
    }

    /// Whether the run of names around a hit names a body (城关区委员会, 政协兰州市城关区).
    private func chainNamesBody(at index: Int, in zone: NamedText) -> Bool {
        let names = run(around: index, in: zone)
        if zone.bodyNameFollows(zone.hits[names.upperBound].end) { return true }
        return zone.endsWithAny(at: zone.skipTerm(backwardFrom: zone.hits[names.lowerBound].start), Self.bodyPrefixes)
    }

    /// The report's own formula: 政协/代表/受 before the run of names and a body's name after it
    /// (我代表政协兰州市城关区…委员会, 我受杭州市临平区…人民代表大会常务委员会委托). 中共XX区委
    /// is not enough: an opening may cite another district's party committee.
    private func isOwnBodyFormula(at index: Int, in zone: NamedText) -> Bool {
        let names = run(around: index, in: zone)
        return zone.bodyNameFollows(zone.hits[names.upperBound].end)
            && zone.endsWithAny(at: zone.skipTerm(backwardFrom: zone.hits[names.lowerBound].start), Self.ownFormulaPrefixes)
    }

    // MARK: - A report that names its level, not its place

    /// The one unit of the report's own level that its text names (湖南 in 湖南实践 for a report
    /// that says 省人大常委会 and 全省), else the one unit of that level that is the parent of
    /// every unit it names (银川市 for 自治区政协). Short names count for provinces, which no common word
    /// contains; a prefecture's short name (长治 in 长治久安, 延安 in 延安精神) only when it is
    /// written twice. Nil when the text names none, or several.
    private func settle(_ level: OwnLevel, in text: NamedText) -> RegionResolution? {
        var named: [Int: (count: Int, full: Bool, name: String)] = [:]
        var below: Set<Int> = []
        for hit in text.hits {
            for entry in gazetteer.names.entries(of: hit) {
                let place = gazetteer.places[entry.place]
                if level.fits(place.name) {
                    if entry.short && place.level == .county { continue }
                    var item = named[entry.place] ?? (0, false, gazetteer.names.key(of: hit))
                    item.count += 1
                    item.full = item.full || !entry.short
                    named[entry.place] = item
                } else if !entry.short, let parent = place.ancestors.first, level.fits(gazetteer.places[parent].name) {
                    // Only the level right below: a county cited once may be anywhere's example.
                    below.insert(parent)
                }
            }
        }
        if ["县", "区", "市"].contains(level.suffix) {
            for word in OwnLevel.shortCommitteeNames(in: text) {
                for region in gazetteer.regions(named: word + level.suffix) where region.level == .county {
                    guard let place = gazetteer.places.firstIndex(where: { $0.code == region.code && $0.change == nil }) else { continue }
                    var item = named[place] ?? (0, true, word)
                    item.count += 1
                    named[place] = item
                }
            }
        }
        let trusted = named.filter { place, item in
            item.full || gazetteer.places[place].level == .province || item.count >= 2
        }
        let levelWords = "'\(level.suffix)' for itself \(level.uses) times"
        // A city's report also names the county-level cities inside it (贵阳 and 清镇市) and, in
        // passing, other cities (北京): the place written three times as often as every unit
        // above or below it, and five times as often as any other, is the report's own.
        let ranked = trusted.sorted { $0.value.count > $1.value.count }
        if ranked.count > 1, let top = ranked.first, top.value.count >= 5,
           ranked.dropFirst().allSatisfy({ other in
               let related = gazetteer.places[other.key].ancestors.contains(top.key)
                   || gazetteer.places[top.key].ancestors.contains(other.key)
               return top.value.count >= (related ? 3 : 5) * other.value.count
           }) {
            let current = currentCodes(of: [top.key])
            if current.count == 1 {
                let others = ranked.dropFirst().map { "'\($0.value.name)' \($0.value.count)" }.joined(separator: ", ")
                return outcome(
                    for: top.key, name: top.value.name,
                    reason: "the title and opening name no region; the text says \(levelWords) and names '\(top.value.name)' \(top.value.count) times, the units above or below it of that level far less (\(others))")
            }
        }
        if trusted.count == 1, let (place, item) = trusted.first {
            let current = currentCodes(of: [place])
            guard current.count == 1 else { return nil }
            return outcome(
                for: place, name: item.name,
                reason: "the title and opening name no region; the text says \(levelWords) and names only '\(item.name)' of that level (\(item.count) times)")
        }
        if trusted.isEmpty, named.isEmpty, below.count == 1, let place = below.first {
            return outcome(
                for: place, name: gazetteer.places[place].name,
                reason: "the title and opening name no region; the text says \(levelWords), and every unit it names lies in \(gazetteer.places[place].name)")
        }
        return nil
    }

    // MARK: - Settling a name shared by several units

    /// - Parameter scanBody: the whole text's names, asked for only when title and opening do not settle it.
    private func settle(
        _ subject: Subject, heading: NamedText, opening: NamedText, body scanBody: () -> NamedText
    ) -> RegionResolution {
        if subject.conflicting {
            return RegionResolution(
                code: nil, candidates: currentCodes(of: subject.places),
                note: "the text names several regions as its own (\(subject.names.joined(separator: ", "))); settle it in the manifest")
        }
        let candidates = subject.places
        let codes = currentCodes(of: candidates)
        let name = subject.names.first ?? ""
        if candidates.count == 1 || codes.count == 1 {
            return outcome(for: candidates.first { gazetteer.places[$0].change == nil } ?? candidates[0], name: name, reason: nil)
        }
        // Title and opening: a fuller name (兰州市城关区), or a full parent name in the title.
        var inHeading = Set<Int>()
        var clue: [Int: String] = [:]
        for (zone, ownBodyOnly) in [(heading, false), (opening, true)] {
            for (place, words, _) in adjacentParents(of: candidates, in: zone, allowShortNames: true, ownBodyOnly: ownBodyOnly) {
                inHeading.insert(place)
                clue[place] = clue[place] ?? words
            }
        }
        for hit in heading.hits {
            for entry in gazetteer.names.entries(of: hit) where !entry.short {
                for place in candidates where gazetteer.places[place].ancestors.contains(entry.place) {
                    inHeading.insert(place)
                    clue[place] = clue[place] ?? gazetteer.names.key(of: hit)
                }
            }
        }
        if inHeading.count == 1, let place = inHeading.first {
            return outcome(for: place, name: name, reason: "settled by '\(clue[place] ?? "")' in the title or opening", among: candidates)
        }
        // The rest of the text. A district report may name its city only in passing (驰援武汉市),
        // so what picks a candidate is its parent or fuller name as a body (武汉市委, 《武汉市青山区
        // 人大常委会关于…》), or its parent's full name three times; and only if every parent named
        // anywhere, short names included, fits it too.
        let pool = inHeading.isEmpty ? candidates : candidates.filter(inHeading.contains)
        let body = scanBody()
        var evidence: [(words: String, short: Bool, asBody: Bool, fits: [Int])] = []
        for (place, words, end) in adjacentParents(of: pool, in: body, allowShortNames: false, ownBodyOnly: false) {
            evidence.append((words, false, body.bodyNameFollows(end), [place]))
        }
        let parents = Set(pool.flatMap { gazetteer.places[$0].ancestors })
        for hit in body.hits {
            for entry in gazetteer.names.entries(of: hit) where parents.contains(entry.place) {
                let fits = pool.filter { gazetteer.places[$0].ancestors.contains(entry.place) }
                let asBody = !entry.short && body.bodyNameFollows(hit.end)
                if !fits.isEmpty { evidence.append((gazetteer.names.key(of: hit), entry.short, asBody, fits)) }
            }
        }
        let picked = pool.first { place in
            let own = evidence.filter { !$0.short && $0.fits == [place] }
            return (own.contains(where: \.asBody) || own.count >= 3) && evidence.allSatisfy { $0.fits.contains(place) }
        }
        if let place = picked {
            let own = evidence.filter { !$0.short && $0.fits == [place] }
            let words = (own.first(where: \.asBody) ?? own[0]).words
            return outcome(
                for: place, name: name, reason: "settled by '\(words)' in the text, which names no place of the others",
                among: candidates)
        }
        var seen: [String] = []
        for item in evidence where !seen.contains(item.words) { seen.append(item.words) }
        let why: String
        if evidence.isEmpty {
            why = "the text names no prefecture or province of any of them"
        } else if Set(evidence.flatMap(\.fits)).count > 1 {
            why = "the places it names (\(seen.prefix(6).joined(separator: ", "))) fit more than one"
        } else {
            why = "it names only '\(seen.prefix(3).joined(separator: ", "))', in passing or as a short name"
        }
        return RegionResolution(
            code: nil, candidates: codes,
            note: "'\(name)' could be \(candidates.map(describe).joined(separator: "; ")): \(why); settle it in the manifest")
    }

    /// Candidates named with a parent right before them (武汉市青山区, 政协兰州市城关区), with the words.
    /// In the body a two-character name is never trusted this way (晋城市城区 may mean the town).
    /// - Parameter ownBodyOnly: count only the report's own formula (我代表政协兰州市城关区…委员会,
    ///   我受杭州市临平区…人民代表大会常务委员会委托), not a visit (赴武汉市青山区考察) in the opening.
    private func adjacentParents(
        of candidates: [Int], in zone: NamedText, allowShortNames: Bool, ownBodyOnly: Bool
    ) -> [(place: Int, words: String, end: Int)] {
        var result: [(place: Int, words: String, end: Int)] = []
        for index in zone.hits.indices.dropFirst() {
            let hit = zone.hits[index]
            let previous = zone.hits[index - 1]
            guard zone.adjacent(previous, hit) else { continue }
            if !allowShortNames && Self.isTwoCharacters(hit) { continue }
            if ownBodyOnly && !isOwnBodyFormula(at: index, in: zone) { continue }
            let named = Set(gazetteer.names.entries(of: hit).filter { !$0.short }.map(\.place))
            for place in candidates where named.contains(place) {
                let parents = gazetteer.names.entries(of: previous).filter { allowShortNames || !$0.short }.map(\.place)
                if parents.contains(where: gazetteer.places[place].ancestors.contains) {
                    result.append((place, gazetteer.names.key(of: previous) + gazetteer.names.key(of: hit), hit.end))
                }
            }
        }
        return result
    }

    // MARK: - Outcomes and notes

    private func outcome(for place: Int, name: String, reason: String?, among candidates: [Int] = []) -> RegionResolution {
        let p = gazetteer.places[place]
        let others = candidates.filter { $0 != place }
        var parts: [String] = []
        if !others.isEmpty {
            parts.append("'\(name)' also names \(others.map(describe).joined(separator: "; "))")
        }
        if let reason { parts.append(reason) }
        if let change = p.change {
            if p.currentCodes.count == 1, let successor = p.currentCodes.first {
                let now = gazetteer.region(code: successor).map { "\($0.fullName) (\($0.code))" } ?? successor
                parts.append(
                    successor == change.oldCode
                        ? "\(change.fullName) was renamed \(now) in \(change.year)"
                        : "\(change.fullName) (\(change.oldCode)) was replaced in \(change.year) by \(now); counted under its successor")
                return RegionResolution(code: successor, note: parts.joined(separator: "; "))
            }
            parts.append(
                "\(change.fullName) (\(change.oldCode)) was divided in \(change.year) between \(p.currentCodes.joined(separator: ", ")); settle it in the manifest")
            return RegionResolution(code: nil, candidates: p.currentCodes, note: parts.joined(separator: "; "))
        }
        return RegionResolution(code: p.code, note: parts.isEmpty ? nil : parts.joined(separator: "; "))
    }

    private func describe(_ place: Int) -> String {
        let p = gazetteer.places[place]
        guard let change = p.change else { return "\(p.fullName) (\(p.code))" }
        return "\(p.fullName) (\(p.code), until \(change.year); now \(p.currentCodes.joined(separator: "/")))"
    }

    private func currentCodes(of places: [Int]) -> [String] {
        var codes: [String] = []
        for place in places { for code in gazetteer.places[place].currentCodes where !codes.contains(code) { codes.append(code) } }
        return codes
    }
}
