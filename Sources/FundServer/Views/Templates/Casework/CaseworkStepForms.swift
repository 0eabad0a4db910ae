extension Templates {
    /// One step of a file's 办理 card: the form posts `action` to the file's `steps` address, dated by `on`.
    ///
    /// The determination and assessment pages show a form per allowed step, all alike but for the action, the
    /// heading, the step's own fields and the button; writing them out once per step repeated the envelope (CSRF
    /// token, action field, date, submit) twenty times, so a change to it (a field name, a class) could miss one.
    struct StepForm {
        var action: String
        var title: String
        /// The step's own fields, one line each, between the heading and the date.
        var fields: [String] = []
        var dateLabel = "日期"
        var button: String
        /// `secondary` or `danger` for a step that undoes or ends something; `nil` for the plain button.
        var buttonClass: String? = nil

        func html(posting register: String) -> String {
            let buttonClass = self.buttonClass.map { " class=\"\($0)\"" } ?? ""
            let lines =
                [
                    "  {{#forms.\(action)}}",
                    "    <form method=\"post\" action=\"/casework/\(register)/{{id}}/steps\" class=\"stack\" id=\"form-\(action)\">",
                    "      <h3>\(title)</h3><input type=\"hidden\" name=\"_csrf\" value=\"{{csrf}}\"><input type=\"hidden\" name=\"action\" value=\"\(action)\">",
                ] + fields.map { "      " + $0 } + [
                    "      <label>\(dateLabel)<input type=\"date\" name=\"on\" value=\"{{today}}\"></label>",
                    "      <button type=\"submit\"\(buttonClass)>\(button)</button>",
                    "    </form>",
                    "  {{/forms.\(action)}}",
                ]
            return lines.joined(separator: "\n")
        }
    }

    /// The 办理 card of a file's page (`/casework/<register>/{{id}}`): the forms of the steps its model's `forms`
    /// allows, shown only when `hasForms`.
    static func stepForms(posting register: String, _ forms: [StepForm]) -> String {
        (["{{#hasForms}}", "<div class=\"card\">", "  <h2>办理</h2>", "  <div class=\"actions\">"]
            + forms.map { $0.html(posting: register) }
            + ["  </div>", "</div>", "{{/hasForms}}"]).joined(separator: "\n")
    }

    /// 接收材料 and 一次性告知补正材料: the same two steps, worded alike, in both registers with a materials list.
    static let materialSteps: [StepForm] = [
        StepForm(
            action: "receiveMaterials", title: "接收材料",
            fields: [
                #"{{#missing}}<label><input type="checkbox" name="materials" value="{{value}}"> {{label}}</label>{{/missing}}"#
            ], button: "接收"),
        StepForm(action: "notifyIncomplete", title: "一次性告知补正材料", button: "告知"),
    ]
}

extension Templates {
    /// The reason a step that refuses, ends or extends must give (it goes into the history and the audit log).
    static let requiredReason = #"<label>理由<textarea name="reason" required></textarea></label>"#
}
