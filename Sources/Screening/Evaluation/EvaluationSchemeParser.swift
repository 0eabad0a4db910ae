import FundModel
import Yams

/// The `evaluation:` section of a rules configuration (see `EvaluationScheme`); every problem with its path.
extension ConfigurationParser {
    /// What a file's `evaluation:` sets: `levels` and `figures` each replace the default's as a whole.
    struct ParsedEvaluation {
        var levels: (weight: Int, deductions: [Severity: Int])?
        var figures: [EvaluationScheme.Figure]?
        var onTime: (weight: Int, bands: [EvaluationScheme.Band])?
    }

    static let maxPoints = 100

    mutating func evaluation(_ node: Node, complete: Bool) -> ParsedEvaluation {
        var result = ParsedEvaluation()
        if node.isNull { return result }
        guard let mapping = node.mapping else {
            issue("evaluation", "must be a mapping (levels, figures)", node)
            return result
        }
        for (keyNode, valueNode) in mapping {
            switch keyNode.scalarText {
            case "levels": result.levels = levels(valueNode)
            case "figures": result.figures = figures(valueNode)
            case "on_time": result.onTime = onTime(valueNode)
            default:
                issue(
                    "evaluation.\(keyNode.scalarText ?? "?")", "unknown key (expected: levels, figures, on_time)",
                    keyNode)
            }
        }
        if complete {
            for key in ["levels", "figures", "on_time"] where mapping[key] == nil {
                issues.append(ConfigurationIssue(path: "evaluation.\(key)", message: "missing"))
            }
        }
        return result
    }

    /// A whole number of points 0–100.
    private mutating func points(_ node: Node, _ path: String) -> Int? {
        guard let text = node.scalarText, text.utf8.count <= 3, let n = Int(text), (0...Self.maxPoints).contains(n)
        else {
            issue(path, "must be a whole number 0–\(Self.maxPoints)", node)
            return nil
        }
        return n
    }

    private mutating func levels(_ node: Node) -> (weight: Int, deductions: [Severity: Int])? {
        guard let mapping = node.mapping else {
            issue("evaluation.levels", "must be a mapping (weight, deduct)", node)
            return nil
        }
        var weight: Int?
        var deductions: [Severity: Int] = [:]
        for (keyNode, valueNode) in mapping {
            switch keyNode.scalarText {
            case "weight": weight = points(valueNode, "evaluation.levels.weight")
            case "deduct":
                guard let levels = valueNode.mapping else {
                    issue("evaluation.levels.deduct", "must be a mapping from levels to points", valueNode)
                    continue
                }
                for (levelNode, pointsNode) in levels {
                    let here = "evaluation.levels.deduct.\(levelNode.scalarText ?? "?")"
                    guard let level = levelNode.scalarText.flatMap(Severity.init(rawValue:)) else {
                        issue(here, "unknown level (expected: red, orange, yellow)", levelNode)
                        continue
                    }
                    if let n = points(pointsNode, here) { deductions[level] = n }
                }
            default:
                issue(
                    "evaluation.levels.\(keyNode.scalarText ?? "?")", "unknown key (expected: weight, deduct)", keyNode)
            }
        }
        guard let weight else {
            issue("evaluation.levels.weight", "missing", node)
            return nil
        }
        return (weight, deductions)
    }

    /// `on_time: { weight: 30, bands: [...] }`: the findings verified by their due date, in percent.
    private mutating func onTime(_ node: Node) -> (weight: Int, bands: [EvaluationScheme.Band])? {
        guard let fields = node.mapping else {
            issue("evaluation.on_time", "must be a mapping (weight, bands)", node)
            return nil
        }
        var weight: Int?
        var bands: [EvaluationScheme.Band]?
        for (keyNode, valueNode) in fields {
            switch keyNode.scalarText {
            case "weight": weight = points(valueNode, "evaluation.on_time.weight")
            case "bands": bands = self.bands(valueNode, "evaluation.on_time.bands")
            default:
                issue(
                    "evaluation.on_time.\(keyNode.scalarText ?? "?")", "unknown key (expected: weight, bands)", keyNode)
            }
        }
        if weight == nil && fields["weight"] == nil { issue("evaluation.on_time.weight", "missing", node) }
        if bands == nil && fields["bands"] == nil { issue("evaluation.on_time.bands", "missing", node) }
        guard let weight, let bands else { return nil }
        return (weight, bands)
    }

    private mutating func figures(_ node: Node) -> [EvaluationScheme.Figure]? {
        if node.isNull { return [] }
        guard let mapping = node.mapping else {
            issue("evaluation.figures", "must be a mapping from indicator ids", node)
            return nil
        }
        var result: [EvaluationScheme.Figure] = []
        for (keyNode, valueNode) in mapping {
            let id = keyNode.scalarText ?? "?"
            let here = "evaluation.figures.\(id)"
            guard let spec = RuleCatalog.spec(id), spec.kind == .indicator else {
                issue(here, "not an indicator id (I01–I09)", keyNode)
                continue
            }
            guard let fields = valueNode.mapping else {
                issue(here, "must be a mapping (weight, bands)", valueNode)
                continue
            }
            var weight: Int?
            var bands: [EvaluationScheme.Band]?
            for (fieldNode, fieldValue) in fields {
                switch fieldNode.scalarText {
                case "weight": weight = points(fieldValue, "\(here).weight")
                case "bands": bands = self.bands(fieldValue, "\(here).bands")
                default:
                    issue(
                        "\(here).\(fieldNode.scalarText ?? "?")", "unknown key (expected: weight, bands)", fieldNode)
                }
            }
            if weight == nil && fields["weight"] == nil { issue("\(here).weight", "missing", valueNode) }
            if bands == nil && fields["bands"] == nil { issue("\(here).bands", "missing", valueNode) }
            if let weight, let bands { result.append(.init(indicatorID: id, weight: weight, bands: bands)) }
        }
        return result
    }

    /// `[{min: 95, score: 100}, {max: 20, score: 80}, …]`: at least one band, each with `min` or `max` and a score.
    private mutating func bands(_ node: Node, _ path: String) -> [EvaluationScheme.Band]? {
        guard let items = node.sequence, !items.isEmpty else {
            issue(path, "must be a list of bands, e.g. [{min: 95, score: 100}]", node)
            return nil
        }
        var bands: [EvaluationScheme.Band] = []
        var ok = true
        for (index, item) in items.enumerated() {
            let here = "\(path).\(index + 1)"
            guard let fields = item.mapping else {
                issue(here, "must be a mapping (min or max, score)", item)
                ok = false
                continue
            }
            var bound: (Decimal4, Bool)?
            var score: Int?
            for (keyNode, valueNode) in fields {
                switch keyNode.scalarText {
                case "min", "max":
                    guard bound == nil else {
                        issue(here, "give either min or max, not both", keyNode)
                        ok = false
                        continue
                    }
                    if let text = valueNode.scalarText, let figure = Decimal4(text) {
                        bound = (figure, keyNode.scalarText == "max")
                    } else {
                        issue("\(here).\(keyNode.scalarText!)", "must be a number (at most four decimals)", valueNode)
                        ok = false
                    }
                case "score": score = points(valueNode, "\(here).score")
                default:
                    issue("\(here).\(keyNode.scalarText ?? "?")", "unknown key (expected: min, max, score)", keyNode)
                    ok = false
                }
            }
            guard let bound, let score else {
                if fields["score"] == nil { issue("\(here).score", "missing", item) }
                if fields["min"] == nil && fields["max"] == nil { issue("\(here).min", "missing (min or max)", item) }
                ok = false
                continue
            }
            bands.append(.init(bound: bound.0, isMaximum: bound.1, score: score))
        }
        return ok ? bands : nil
    }
}

extension EvaluationScheme {
    /// Lays what a file sets over this scheme.
    mutating func apply(_ parsed: ConfigurationParser.ParsedEvaluation) {
        if let levels = parsed.levels {
            levelsWeight = levels.weight
            deductions = levels.deductions
        }
        if let figures = parsed.figures { self.figures = figures }
        if let onTime = parsed.onTime { (onTimeWeight, onTimeBands) = onTime }
    }

    /// The weights must leave something to score.
    func issues() -> [ConfigurationIssue] {
        levelsWeight + onTimeWeight + figures.reduce(0) { $0 + $1.weight } > 0
            ? [] : [ConfigurationIssue(path: "evaluation", message: "the weights are all 0: nothing to score")]
    }

    /// The section as YAML (the writer's canonical form).
    func yaml() -> String {
        var out = "evaluation:\n  levels:\n    weight: \(levelsWeight)\n    deduct:"
        out += deductions.isEmpty ? " {}\n" : "\n"
        for level in Severity.allCases {
            if let n = deductions[level] { out += "      \(level.rawValue): \(n)\n" }
        }
        out += figures.isEmpty ? "  figures: {}\n" : "  figures:\n"
        for figure in figures {
            out += "    \(figure.indicatorID):\n      weight: \(figure.weight)\n      bands:\n"
            for band in figure.bands {
                out += "        - { \(band.isMaximum ? "max" : "min"): \(band.bound), score: \(band.score) }\n"
            }
        }
        out += "  on_time:\n    weight: \(onTimeWeight)\n    bands:"
        out += onTimeBands.isEmpty ? " []\n" : "\n"
        for band in onTimeBands {
            out += "      - { \(band.isMaximum ? "max" : "min"): \(band.bound), score: \(band.score) }\n"
        }
        return out
    }
}
