"""The adversarial corpus of issue 10, as data: inputs an attacker or a careless editor would
try, each with the exact message an editor gets (CONTENT_CASES) or the exact safe output
(PROSE_CASES, TEXT_CASES, URL_CASES, CSV_CASES). tests/test_safety_corpus.py runs them;
the content cases change a copy of tests/fixtures/minimal.

A change is ("edit", file, old, new), ("write", file, text), ("delete", *files),
("several", *changes) or ("symlink", link, target), where target is OUTSIDE (a YAML file outside the project whose
text must never be shown), DANGLING (a missing file), FOLDER (a folder outside) or a path
inside playbook_data/.
"""

from __future__ import annotations

S = "stories/kansas-story.yml"
T = "themes/01-first.yml"
P = "playbook.yml"
Q = "quotes.yml"
R = "resources.yml"
ST = "states.yml"
G = "glossary.yml"
PA = "policy_areas.yml"
SO = "sources.yml"
CHANGES = [
    # YAML 1.1 traps
    ("year-sexagesimal", ("edit", S, "year: 2023", "year: 33:42")),
    ("year-hex", ("edit", S, "year: 2023", "year: 0x7E7")),
    ("year-octal-leading-zero", ("edit", S, "year: 2023", "year: 03747")),
    ("year-underscore", ("edit", S, "year: 2023", "year: 2_023")),
    ("year-binary", ("edit", S, "year: 2023", "year: 0b11111100111")),
    ("year-infinity", ("edit", S, "year: 2023", "year: .inf")),
    ("year-not-a-number", ("edit", S, "year: 2023", "year: .NaN")),
    ("year-5000-digits", ("edit", S, "year: 2023", "year: " + "9" * 5000)),
    ("year-sexagesimal-float", ("edit", S, "year: 2023", "year: 190:20:30.15")),
    ("explicit-int-tag", ("edit", S, "year: 2023", "year: !!int twenty")),
    ("explicit-bool-tag", ("edit", S, "title: Kansas passes a law", "title: !!bool maybe")),
    ("explicit-timestamp-tag", ("edit", P, "date: 2025-01-31", "date: !!timestamp soon")),
    ("explicit-float-tag", ("edit", S, "year: 2023", "year: !!float 2023")),
    (
        "explicit-binary-tag",
        ("edit", S, "summary: Kansas passed a law.", "summary: !!binary aGVsbG8="),
    ),
    (
        "explicit-set-tag",
        ("edit", S, "policy_areas: [telehealth]", "policy_areas: !!set {telehealth}"),
    ),
    ("explicit-omap-tag", ("edit", S, "policy_areas: [telehealth]", "policy_areas: !!omap [a: 1]")),
    ("custom-tag", ("edit", S, "title: Kansas passes a law", "title: !shout Kansas passes a law")),
    ("python-tag", ("edit", S, "title: Kansas passes a law", "title: !!python/name:os.system")),
    ("impossible-date", ("edit", P, "date: 2025-01-31", "date: 2026-02-30")),
    ("impossible-month", ("edit", P, "date: 2025-01-31", "date: 2025-13-01")),
    ("day-zero", ("edit", P, "date: 2025-01-31", "date: 2025-01-00")),
    (
        "alias",
        (
            "edit",
            S,
            "summary: Kansas passed a law.",
            "summary: &s Kansas passed a law.\nsource_note: *s",
        ),
    ),
    ("merge-key", ("write", S, "base: &b\n  theme: first-theme\nid: kansas-story\n<<: *b\n")),
    (
        "deep-flow-nesting",
        ("edit", S, "policy_areas: [telehealth]", "policy_areas: " + "[" * 60 + "]" * 60),
    ),
    (
        "deep-block-nesting",
        (
            "edit",
            S,
            "policy_areas: [telehealth]",
            "policy_areas:\n" + "".join("  " * (i + 1) + "-\n" for i in range(30)),
        ),
    ),
    (
        "deep-mapping-nesting",
        ("edit", S, "policy_areas: [telehealth]", "policy_areas: " + "{a: " * 40 + "1" + "}" * 40),
    ),
    ("yes-as-id", ("edit", S, "id: kansas-story", "id: yes")),
    ("null-title", ("edit", S, "title: Kansas passes a law", "title: ~")),
    ("date-as-title", ("edit", S, "title: Kansas passes a law", "title: 2024-01-01")),
    ("float-as-year", ("edit", S, "year: 2023", "year: 2023.5")),
    ("value-with-a-line-break", ("edit", S, "year: 2023", 'year: "20\\n23"')),
    ("list-as-field-name", ("edit", S, "year: 2023", "year: 2023\n? [a, b]\n: x")),
    # Text: invisible and control characters, line breaks, trailing newlines in ids
    ("id-with-trailing-newline", ("edit", S, "id: kansas-story", 'id: "kansas-story\\n"')),
    ("state-code-with-trailing-newline", ("edit", S, "states: [KS]", 'states: ["KS\\n"]')),
    (
        "carriage-return-in-title",
        ("edit", S, "title: Kansas passes a law", 'title: "Kansas passes\\ra law"'),
    ),
    (
        "line-separator-in-title",
        ("edit", S, "title: Kansas passes a law", 'title: "Kansas\\u2028law"'),
    ),
    (
        "title-of-zero-width-spaces",
        ("edit", S, "title: Kansas passes a law", 'title: "\\u200b\\u200b\\u200b"'),
    ),
    (
        "title-of-no-break-spaces",
        ("edit", S, "title: Kansas passes a law", 'title: "\\u00a0\\u00a0"'),
    ),
    (
        "bell-character",
        ("edit", S, "summary: Kansas passed a law.", 'summary: "Kansas\\a passed a law."'),
    ),
    (
        "escape-character",
        ("edit", S, "summary: Kansas passed a law.", 'summary: "Kansas\\e[31m passed"'),
    ),
    ("null-character", ("edit", S, "summary: Kansas passed a law.", 'summary: "Kansas\\0 passed"')),
    (
        "right-to-left-override",
        ("edit", S, "title: Kansas passes a law", 'title: "Kansas \\u202ewal a"'),
    ),
    (
        "bidi-isolate",
        ("edit", Q, "attribution: Kansas team", 'attribution: "\\u2066Kansas team\\u2069"'),
    ),
    (
        "control-character-in-body",
        ("edit", S, "  The associations in Kansas", "  The associations\x7f in Kansas"),
    ),
    ("raw-control-character", ("edit", S, "title: Kansas passes a law", "title: Kansas\x07 law")),
    (
        "byte-order-mark-inside-text",
        ("edit", S, "title: Kansas passes a law", 'title: "Kansas\\ufeff law"'),
    ),
    ("trailing-newline-in-cohort-id", ("edit", "cohorts.yml", "id: phase-2", 'id: "phase-2\\n"')),
    (
        "url-with-user-name",
        ("edit", R, "url: https://example.org/report", "url: https://user:pw@example.org/report"),
    ),
    (
        "url-with-bad-port",
        ("edit", R, "url: https://example.org/report", "url: https://example.org:port/report"),
    ),
    (
        "url-with-two-schemes",
        ("edit", R, "url: https://example.org/report", "url: https://http://example.org/report"),
    ),
    (
        "url-with-space",
        ("edit", R, "url: https://example.org/report", "url: https://example.org/a report"),
    ),
    (
        "url-javascript-in-sources",
        (
            "edit",
            SO,
            "    kind: publication",
            "    kind: publication\n    url: javascript:alert(document.domain)",
        ),
    ),
    (
        "url-data",
        (
            "edit",
            R,
            "url: https://example.org/report",
            "url: data:text/html,<script>alert(1)</script>",
        ),
    ),
    (
        "url-protocol-relative",
        ("edit", R, "url: https://example.org/report", "url: //example.org/report"),
    ),
    (
        "url-closes-markdown-link",
        (
            "edit",
            SO,
            "    kind: publication",
            '    kind: publication\n    url: "https://x.org/)<script>alert(1)</script>"',
        ),
    ),
    (
        "url-backslash-host",
        ("edit", R, "url: https://example.org/report", "url: https:\\\\evil.example"),
    ),
    # Markdown fields: links and images that are not allowed, nesting
    (
        "markdown-javascript-link",
        ("edit", S, "on a **law** about quokkas.", "on a [law](javascript:alert(1))"),
    ),
    (
        "markdown-entity-scheme",
        ("edit", S, "on a **law** about quokkas.", "on a [law](javascript&#58;alert(1))"),
    ),
    (
        "markdown-tab-entity-scheme",
        ("edit", S, "on a **law** about quokkas.", "on a [law](java&#x09;script:alert(1))"),
    ),
    (
        "markdown-decimal-entity-scheme",
        ("edit", S, "on a **law** about quokkas.", "on a [law](&#106;avascript:alert(1))"),
    ),
    (
        "markdown-reference-definition",
        ("edit", S, "on a **law** about quokkas.", "on a [law][x].\n\n  [x]: javascript:alert(1)"),
    ),
    (
        "markdown-vbscript",
        (
            "edit",
            T,
            "intro: The first theme's introduction.",
            "intro: See [this](vbscript:msgbox(1)).",
        ),
    ),
    (
        "markdown-data-link",
        (
            "edit",
            T,
            "description: How the first strategy works.",
            'description: "[x](data:text/html,hi)"',
        ),
    ),
    (
        "markdown-image-other-host",
        ("edit", S, "on a **law** about quokkas.", "on a law ![x](https://evil.example/p.png)"),
    ),
    (
        "markdown-image-protocol-relative",
        ("edit", S, "on a **law** about quokkas.", "on a law ![x](//evil.example/p.png)"),
    ),
    (
        "markdown-image-backslashes",
        ("edit", S, "on a **law** about quokkas.", "on a law ![x](\\\\\\\\evil.example/p.png)"),
    ),
    (
        "markdown-image-slash-backslash",
        ("edit", S, "on a **law** about quokkas.", "on a law ![x](/\\\\evil.example/p.png)"),
    ),
    (
        "markdown-image-entity-slashes",
        ("edit", S, "on a **law** about quokkas.", "on a law ![x](&#47;&#47;evil.example/p.png)"),
    ),
    (
        "markdown-image-entity-colon",
        ("edit", S, "on a **law** about quokkas.", "on a law ![x](http&#58;//evil.example/p.png)"),
    ),
    (
        "markdown-link-in-an-approach",
        ("edit", T, "      - The first approach.", '      - "[Go](javascript:go())"'),
    ),
    (
        "markdown-list-nested-500-deep",
        (
            "edit",
            S,
            "  The associations in Kansas worked together on a **law** about quokkas.",
            "  " + "- " * 500 + "x",
        ),
    ),
    (
        "markdown-quotes-nested-deep",
        (
            "edit",
            S,
            "  The associations in Kansas worked together on a **law** about quokkas.",
            "  " + "> " * 12 + "x",
        ),
    ),
    (
        "markdown-in-funding-statement",
        (
            "edit",
            P,
            "funding_statement: Funded by a test foundation.",
            'funding_statement: "[Funder](javascript:alert(1))"',
        ),
    ),
    # Files: links, extensions, misplaced and unreadable files
    ("symlink-to-outside", ("symlink", "stories/linked.yml", "OUTSIDE")),
    ("symlink-dangling", ("symlink", "stories/dangling.yml", "DANGLING")),
    ("symlink-loop", ("symlink", "stories/loop.yml", "stories/loop.yml")),
    ("symlinked-folder", ("symlink", "stories/more", "FOLDER")),
    ("uppercase-extension", ("write", "stories/new-story.YML", "id: new-story\n")),
    ("yaml-extension", ("write", "stories/new-story.yaml", "id: new-story\n")),
    ("text-file-in-data", ("write", "notes.txt", "to do\n")),
    ("misplaced-story", ("write", "themes/stories/x.yml", "id: x\n")),
    ("hidden-file-ignored-and-valid", ("write", ".DS_Store", "binary")),
    (
        "file-name-breaks-out-of-the-edit-link",
        ("write", 'stories/x" onmouseover="alert(1).yml', "id: x\n"),
    ),
    ("file-name-with-a-space", ("write", "stories/new story.yml", "id: x\n")),
    # Page addresses and anchors
    ("state-named-index", ("edit", ST, "name: Kansas", "name: Index")),
    ("two-states-same-page", ("edit", ST, "name: Louisiana", "name: Kansas.")),
    ("state-name-without-letters", ("edit", ST, "name: Kansas", 'name: "!!!"')),
    (
        "policy-area-id-index",
        (
            "edit",
            PA,
            "    source: test-source",
            "    source: test-source\n  - id: index\n    order: 2\n    name: Index\n    description: d\n    source: test-source",
        ),
    ),
    (
        "policy-area-id-matrix",
        (
            "edit",
            PA,
            "    source: test-source",
            "    source: test-source\n  - id: matrix\n    order: 2\n    name: Matrix\n    description: d\n    source: test-source",
        ),
    ),
    (
        "source-id-index-is-a-hand-written-page",
        (
            "edit",
            SO,
            "      - It has one fact.",
            '      - It has one fact.\n  - id: index\n    title: T\n    short_title: T\n    publisher: P\n    year: "2024"\n    kind: publication\n    summary: s',
        ),
    ),
    ("strategy-id-resources", ("edit", T, "  - id: second-strategy", "  - id: resources")),
    (
        "strategy-id-key-strategies",
        ("edit", T, "  - id: second-strategy", "  - id: key-strategies"),
    ),
    (
        "strategy-id-like-a-story-anchor",
        ("edit", T, "  - id: second-strategy", "  - id: story-kansas-story"),
    ),
    (
        "strategy-id-stories-suffix",
        ("edit", T, "  - id: second-strategy", "  - id: first-strategy-stories"),
    ),
    (
        "theme-id-quotes",
        (
            "write",
            "themes/03-quotes.yml",
            "id: quotes\norder: 3\ntitle: Quotes\ntagline: t\nlocator: Part 3\nintro: i\nsource: test-source\nstrategies:\n  - id: only-strategy\n    order: 1\n    title: T\n    locator: Part 3\n    description: d\n",
        ),
    ),
    ("acronym-wipes-raw-html", ("edit", G, "term: PCA", "term: wzxhzdk")),
    ("acronym-breaks-entities", ("edit", G, "term: PCA", "term: amp")),
    (
        "nothing-left-at-all",
        (
            "several",
            ("delete", "themes/01-first.yml", "themes/02-second.yml", S, "stories/gulf-story.yml"),
            ("write", Q, "quotes:\n"),
        ),
    ),
    ("no-stories-left", ("delete", "stories/kansas-story.yml", "stories/gulf-story.yml")),
]


# What `playbook validate` (and `playbook build`) say for each change, in order.
EXPECTED = {
    "year-sexagesimal": [
        "playbook_data/stories/kansas-story.yml:7: '33:42' is read by YAML as a number in another notation\n    hint: write the number with the digits 0-9 only, for example 2023; put text in quotes"
    ],
    "year-hex": [
        "playbook_data/stories/kansas-story.yml:7: '0x7E7' is read by YAML as a number in another notation\n    hint: write the number with the digits 0-9 only, for example 2023; put text in quotes"
    ],
    "year-octal-leading-zero": [
        "playbook_data/stories/kansas-story.yml:7: '03747' is read by YAML as a number in another notation\n    hint: write the number with the digits 0-9 only, for example 2023; put text in quotes"
    ],
    "year-underscore": [
        "playbook_data/stories/kansas-story.yml:7: '2_023' is read by YAML as a number in another notation\n    hint: write the number with the digits 0-9 only, for example 2023; put text in quotes"
    ],
    "year-binary": [
        "playbook_data/stories/kansas-story.yml:7: '0b11111100111' is read by YAML as a number in another notation\n    hint: write the number with the digits 0-9 only, for example 2023; put text in quotes"
    ],
    "year-infinity": [
        "playbook_data/stories/kansas-story.yml:7: '.inf' is read by YAML as a special number\n    hint: write the number with the digits 0-9 only, for example 2023; put text in quotes"
    ],
    "year-not-a-number": [
        "playbook_data/stories/kansas-story.yml:7: '.NaN' is read by YAML as a special number\n    hint: write the number with the digits 0-9 only, for example 2023; put text in quotes"
    ],
    "year-5000-digits": [
        "playbook_data/stories/kansas-story.yml:7: the number has 5,000 digits (at most 18)\n    hint: write the number with the digits 0-9 only, for example 2023; put text in quotes"
    ],
    "year-sexagesimal-float": [
        "playbook_data/stories/kansas-story.yml:7: '190:20:30.15' is read by YAML as a special number\n    hint: write the number with the digits 0-9 only, for example 2023; put text in quotes"
    ],
    "explicit-int-tag": [
        "playbook_data/stories/kansas-story.yml:7: the tag '!!int' is not used in playbook files\n    hint: remove the tag: write numbers, dates and yes/no plainly, and text in quotes if it could be read as something else"
    ],
    "explicit-bool-tag": [
        "playbook_data/stories/kansas-story.yml:2: the tag '!!bool' is not used in playbook files\n    hint: remove the tag: write numbers, dates and yes/no plainly, and text in quotes if it could be read as something else"
    ],
    "explicit-timestamp-tag": [
        "playbook_data/playbook.yml:5: the tag '!!timestamp' is not used in playbook files\n    hint: remove the tag: write numbers, dates and yes/no plainly, and text in quotes if it could be read as something else"
    ],
    "explicit-float-tag": [
        "playbook_data/stories/kansas-story.yml:7: the tag '!!float' is not used in playbook files\n    hint: remove the tag: write numbers, dates and yes/no plainly, and text in quotes if it could be read as something else"
    ],
    "explicit-binary-tag": [
        "playbook_data/stories/kansas-story.yml:8: the tag '!!binary' is not used in playbook files\n    hint: remove the tag: write numbers, dates and yes/no plainly, and text in quotes if it could be read as something else"
    ],
    "explicit-set-tag": [
        "playbook_data/stories/kansas-story.yml:6: the tag '!!set' is not used in playbook files\n    hint: remove the tag: write numbers, dates and yes/no plainly, and text in quotes if it could be read as something else"
    ],
    "explicit-omap-tag": [
        "playbook_data/stories/kansas-story.yml:6: the tag '!!omap' is not used in playbook files\n    hint: remove the tag: write numbers, dates and yes/no plainly, and text in quotes if it could be read as something else"
    ],
    "custom-tag": [
        "playbook_data/stories/kansas-story.yml:2: the tag '!shout' is not used in playbook files\n    hint: remove the tag: write numbers, dates and yes/no plainly, and text in quotes if it could be read as something else"
    ],
    "python-tag": [
        "playbook_data/stories/kansas-story.yml:2: the tag '!!python/name:os.system' is not used in playbook files\n    hint: remove the tag: write numbers, dates and yes/no plainly, and text in quotes if it could be read as something else"
    ],
    "impossible-date": [
        "playbook_data/playbook.yml:5: '2026-02-30' is not a date in the calendar\n    hint: check the day and the month; write the date as YYYY-MM-DD, for example 2024-03-01"
    ],
    "impossible-month": [
        "playbook_data/playbook.yml:5: '2025-13-01' is not a date in the calendar\n    hint: check the day and the month; write the date as YYYY-MM-DD, for example 2024-03-01"
    ],
    "day-zero": [
        "playbook_data/playbook.yml:5: '2025-01-00' is not a date in the calendar\n    hint: check the day and the month; write the date as YYYY-MM-DD, for example 2024-03-01"
    ],
    "alias": [
        "playbook_data/stories/kansas-story.yml:8: an alias (*name) repeats another part of the file\n    hint: write the value out in full where it is needed; playbook files use no anchors (&) or aliases (*)"
    ],
    "merge-key": [
        "playbook_data/stories/kansas-story.yml:4: a merge key (<<) copies fields from elsewhere in the file\n    hint: write the fields out in full; playbook files use no merge keys"
    ],
    "deep-flow-nesting": [
        "playbook_data/stories/kansas-story.yml:6: the data is nested more than 16 levels deep\n    hint: a record's fields and lists nest a few levels at most: check the indentation and the brackets"
    ],
    "deep-block-nesting": [
        "playbook_data/stories/kansas-story.yml:22: the data is nested more than 16 levels deep\n    hint: a record's fields and lists nest a few levels at most: check the indentation and the brackets"
    ],
    "deep-mapping-nesting": [
        "playbook_data/stories/kansas-story.yml:6: the data is nested more than 16 levels deep\n    hint: a record's fields and lists nest a few levels at most: check the indentation and the brackets"
    ],
    "yes-as-id": [
        "playbook_data/stories/kansas-story.yml:1: id: expected text, got true (a yes/no value)\n    hint: YAML reads yes, no, on and off as true/false: put the text in quotes"
    ],
    "null-title": [
        "playbook_data/stories/kansas-story.yml:2: title: expected text, got nothing (the value is empty)\n    hint: put the value in quotes"
    ],
    "date-as-title": [
        "playbook_data/stories/kansas-story.yml:2: title: expected text, got the date 2024-01-01\n    hint: put the value in quotes"
    ],
    "float-as-year": [
        "playbook_data/stories/kansas-story.yml:7: year: expected a whole number, got the number 2023.5\n    hint: write digits only, for example 2023"
    ],
    "value-with-a-line-break": [
        "playbook_data/stories/kansas-story.yml:7: year: expected a whole number, got '20\\n23'\n    hint: write digits only, for example 2023"
    ],
    "list-as-field-name": [
        "playbook_data/stories/kansas-story.yml:8: a field name is a list or a record\n    hint: field names are words such as `title:`"
    ],
    "id-with-trailing-newline": [
        "playbook_data/stories/kansas-story.yml:1: id: 'kansas-story\\n' is not a valid id\n    hint: ids use lowercase letters, digits and single hyphens, at most 80 characters, for example 'kansas-licensure-billing'"
    ],
    "state-code-with-trailing-newline": [
        "playbook_data/stories/kansas-story.yml:3: states[1]: 'KS\\n' is not a state code\n    hint: use the two-letter USPS code in capitals, for example 'KS' for Kansas"
    ],
    "carriage-return-in-title": [
        "playbook_data/stories/kansas-story.yml:2: title: this text must be on one line\n    hint: remove the line breaks (a long value can continue on the next line if the field starts with `>-`)"
    ],
    "line-separator-in-title": [
        "playbook_data/stories/kansas-story.yml:2: title: this text must be on one line\n    hint: remove the line breaks (a long value can continue on the next line if the field starts with `>-`)"
    ],
    "title-of-zero-width-spaces": [
        "playbook_data/stories/kansas-story.yml:2: title: this text is empty (it holds only spaces or invisible characters)\n    hint: write the text, or remove the field if optional"
    ],
    "title-of-no-break-spaces": [
        "playbook_data/stories/kansas-story.yml:2: title: this text is empty\n    hint: write the text, or remove the field if optional"
    ],
    "bell-character": [
        "playbook_data/stories/kansas-story.yml:8: summary: this text holds an invisible control character (U+0007, character 7)\n    hint: delete it (it often comes with text copied from a PDF or a word processor)"
    ],
    "escape-character": [
        "playbook_data/stories/kansas-story.yml:8: summary: this text holds an invisible control character (U+001B, character 7)\n    hint: delete it (it often comes with text copied from a PDF or a word processor)"
    ],
    "null-character": [
        "playbook_data/stories/kansas-story.yml:8: summary: this text holds an invisible control character (U+0000, character 7)\n    hint: delete it (it often comes with text copied from a PDF or a word processor)"
    ],
    "right-to-left-override": [
        "playbook_data/stories/kansas-story.yml:2: title: this text holds a character that turns the direction of text around (U+202E, character 8)\n    hint: delete it: it can make the text show differently from what it says"
    ],
    "bidi-isolate": [
        "playbook_data/quotes.yml:4: quotes[1].attribution: this text holds a character that turns the direction of text around (U+2066, character 1)\n    hint: delete it: it can make the text show differently from what it says"
    ],
    "control-character-in-body": [
        "playbook_data/stories/kansas-story.yml:10: this line holds an invisible control character (U+007F)\n    hint: delete it (it often comes with text copied from a PDF or a word processor)"
    ],
    "raw-control-character": [
        "playbook_data/stories/kansas-story.yml:2: this line holds an invisible control character (U+0007)\n    hint: delete it (it often comes with text copied from a PDF or a word processor)"
    ],
    "byte-order-mark-inside-text": [],
    "trailing-newline-in-cohort-id": [
        "playbook_data/cohorts.yml:2: cohorts[1].id: 'phase-2\\n' is not a valid id\n    hint: ids use lowercase letters, digits and single hyphens, at most 80 characters, for example 'kansas-licensure-billing'"
    ],
    "url-with-user-name": [
        "playbook_data/resources.yml:4: resources[1].url: 'https://user:pw@example.org/report' holds a user name or password\n    hint: remove the part before '@' in the address"
    ],
    "url-with-two-schemes": [
        "playbook_data/resources.yml:4: resources[1].url: 'https://http://example.org/report' starts with http:// or https:// twice\n    hint: keep only the second, for example 'https://example.org/report'"
    ],
    "url-with-bad-port": [
        "playbook_data/resources.yml:4: resources[1].url: 'https://example.org:port/report' is not a web address\n    hint: links start with https:// (or http://), for example 'https://example.org/report'"
    ],
    "url-with-space": [
        "playbook_data/resources.yml:4: resources[1].url: 'https://example.org/a report' is not a web address\n    hint: links start with https:// (or http://), for example 'https://example.org/report'"
    ],
    "url-javascript-in-sources": [
        "playbook_data/sources.yml:8: sources[1].url: 'javascript:alert(document.domain)' is not a web address\n    hint: links start with https:// (or http://), for example 'https://example.org/report'"
    ],
    "url-data": [
        "playbook_data/resources.yml:4: resources[1].url: 'data:text/html,<script>alert(1)</script>' is not a web address\n    hint: links start with https:// (or http://), for example 'https://example.org/report'"
    ],
    "url-protocol-relative": [
        "playbook_data/resources.yml:4: resources[1].url: '//example.org/report' is not a web address\n    hint: links start with https:// (or http://), for example 'https://example.org/report'"
    ],
    "url-closes-markdown-link": [],
    "url-backslash-host": [
        "playbook_data/resources.yml:4: resources[1].url: 'https:\\\\evil.example' is not a web address\n    hint: links start with https:// (or http://), for example 'https://example.org/report'"
    ],
    "markdown-javascript-link": [
        "playbook_data/stories/kansas-story.yml:9: body: the link to 'javascript:alert(1)' is not allowed (a 'javascript:' address)\n    hint: links start with https://, http:// or mailto:, or point to a part of the page with #"
    ],
    "markdown-entity-scheme": [
        "playbook_data/stories/kansas-story.yml:9: body: the link to 'javascript&#58;alert(1)' is not allowed (a 'javascript:' address)\n    hint: links start with https://, http:// or mailto:, or point to a part of the page with #"
    ],
    "markdown-tab-entity-scheme": [
        "playbook_data/stories/kansas-story.yml:9: body: the link to 'java&#x09;script:alert(1)' is not allowed (a 'javascript:' address)\n    hint: links start with https://, http:// or mailto:, or point to a part of the page with #"
    ],
    "markdown-decimal-entity-scheme": [
        "playbook_data/stories/kansas-story.yml:9: body: the link to '&#106;avascript:alert(1)' is not allowed (a 'javascript:' address)\n    hint: links start with https://, http:// or mailto:, or point to a part of the page with #"
    ],
    "markdown-reference-definition": [
        "playbook_data/stories/kansas-story.yml:9: body: the link to 'javascript:alert(1)' is not allowed (a 'javascript:' address)\n    hint: links start with https://, http:// or mailto:, or point to a part of the page with #"
    ],
    "markdown-vbscript": [
        "playbook_data/themes/01-first.yml:6: intro: the link to 'vbscript:msgbox(1)' is not allowed (a 'vbscript:' address)\n    hint: links start with https://, http:// or mailto:, or point to a part of the page with #"
    ],
    "markdown-data-link": [
        "playbook_data/themes/01-first.yml:13: strategies[1].description: the link to 'data:text/html,hi' is not allowed (a 'data:' address)\n    hint: links start with https://, http:// or mailto:, or point to a part of the page with #"
    ],
    "markdown-image-other-host": [
        "playbook_data/stories/kansas-story.yml:9: body: the image 'https://evil.example/p.png' is on another site\n    hint: show only images from this site (for example /assets/images/map.png); link to an image elsewhere instead: [description](https://…)"
    ],
    "markdown-image-protocol-relative": [
        "playbook_data/stories/kansas-story.yml:9: body: the image '//evil.example/p.png' is on another site\n    hint: show only images from this site (for example /assets/images/map.png); link to an image elsewhere instead: [description](https://…)"
    ],
    "markdown-image-backslashes": [
        "playbook_data/stories/kansas-story.yml:9: body: the image '\\\\evil.example/p.png' is on another site\n    hint: show only images from this site (for example /assets/images/map.png); link to an image elsewhere instead: [description](https://…)"
    ],
    "markdown-image-slash-backslash": [
        "playbook_data/stories/kansas-story.yml:9: body: the image '/\\evil.example/p.png' is on another site\n    hint: show only images from this site (for example /assets/images/map.png); link to an image elsewhere instead: [description](https://…)"
    ],
    "markdown-image-entity-slashes": [
        "playbook_data/stories/kansas-story.yml:9: body: the image '&#47;&#47;evil.example/p.png' is on another site\n    hint: show only images from this site (for example /assets/images/map.png); link to an image elsewhere instead: [description](https://…)"
    ],
    "markdown-image-entity-colon": [
        "playbook_data/stories/kansas-story.yml:9: body: the image 'http&#58;//evil.example/p.png' is on another site\n    hint: show only images from this site (for example /assets/images/map.png); link to an image elsewhere instead: [description](https://…)"
    ],
    "markdown-link-in-an-approach": [
        "playbook_data/themes/01-first.yml:16: strategies[1].approaches[1]: the link to 'javascript:go()' is not allowed (a 'javascript:' address)\n    hint: links start with https://, http:// or mailto:, or point to a part of the page with #"
    ],
    "markdown-list-nested-500-deep": [
        "playbook_data/stories/kansas-story.yml:9: body: lists or quotes are nested 500 levels deep (at most 8)\n    hint: use at most 8 levels of lists and quotes inside one another"
    ],
    "markdown-quotes-nested-deep": [
        "playbook_data/stories/kansas-story.yml:9: body: lists or quotes are nested 12 levels deep (at most 8)\n    hint: use at most 8 levels of lists and quotes inside one another"
    ],
    "markdown-in-funding-statement": [
        "playbook_data/playbook.yml:6: funding_statement: the link to 'javascript:alert(1)' is not allowed (a 'javascript:' address)\n    hint: links start with https://, http:// or mailto:, or point to a part of the page with #"
    ],
    "symlink-to-outside": [
        "playbook_data/stories/linked.yml:1: this file is a symbolic link\n    hint: replace the link with the file itself: links are not followed, so that a build never reads anything outside the repository"
    ],
    "symlink-dangling": [
        "playbook_data/stories/dangling.yml:1: this file is a symbolic link\n    hint: replace the link with the file itself: links are not followed, so that a build never reads anything outside the repository"
    ],
    "symlink-loop": [
        "playbook_data/stories/loop.yml:1: this file is a symbolic link\n    hint: replace the link with the file itself: links are not followed, so that a build never reads anything outside the repository"
    ],
    "symlinked-folder": [
        "playbook_data/stories/more:1: this folder is a symbolic link\n    hint: replace the link with the file itself: links are not followed, so that a build never reads anything outside the repository"
    ],
    "uppercase-extension": [
        "playbook_data/stories/new-story.YML:1: the file name ends in '.YML'\n    hint: rename it to end in '.yml' (new-story.yml): other endings are not read"
    ],
    "yaml-extension": [
        "playbook_data/stories/new-story.yaml:1: the file name ends in '.yaml'\n    hint: rename it to end in '.yml' (new-story.yml): other endings are not read"
    ],
    "text-file-in-data": [
        "playbook_data/notes.txt:1: this file is not part of the playbook's content\n    hint: content files are: playbook.yml, sources.yml, cohorts.yml, states.yml, policy_areas.yml, themes/*.yml, stories/*.yml, quotes.yml, resources.yml, glossary.yml; move or rename the file"
    ],
    "misplaced-story": [
        "playbook_data/themes/stories/x.yml:1: this file is not part of the playbook's content\n    hint: content files are: playbook.yml, sources.yml, cohorts.yml, states.yml, policy_areas.yml, themes/*.yml, stories/*.yml, quotes.yml, resources.yml, glossary.yml; move or rename the file"
    ],
    "hidden-file-ignored-and-valid": [],
    "file-name-breaks-out-of-the-edit-link": [
        "playbook_data/stories/x\" onmouseover=\"alert(1).yml:1: the file name holds characters other than letters, digits, '-', '_' and '.'\n    hint: rename it, for example kansas-licensure-billing.yml"
    ],
    "file-name-with-a-space": [
        "playbook_data/stories/new story.yml:1: the file name holds characters other than letters, digits, '-', '_' and '.'\n    hint: rename it, for example kansas-licensure-billing.yml"
    ],
    "state-named-index": [
        "playbook_data/states.yml:3: states[1].name: this state's page would be at states/index/, where the states index is\n    hint: choose another name"
    ],
    "two-states-same-page": [
        "playbook_data/states.yml:6: states[2].name: this state's page would be at states/kansas/, where the page of the state in playbook_data/states.yml:3 is\n    hint: choose another name"
    ],
    "state-name-without-letters": [
        "playbook_data/states.yml:3: states[1].name: the state name '!!!' gives no page address\n    hint: write the name with letters, for example 'Kansas'"
    ],
    "policy-area-id-index": [
        "playbook_data/policy_areas.yml:7: policy_areas[2].id: this policy area's page would be at policy-areas/index/, where the policy areas' index is\n    hint: choose another id"
    ],
    "policy-area-id-matrix": [
        "playbook_data/policy_areas.yml:7: policy_areas[2].id: this policy area's page would be at policy-areas/matrix/, where the matrix of policy areas by state is\n    hint: choose another id"
    ],
    "source-id-index-is-a-hand-written-page": [
        "playbook_data/sources.yml:12: sources[2].id: this source's page would be at about/index/, where the page docs/about/index.md is\n    hint: choose another id"
    ],
    "strategy-id-resources": [
        "playbook_data/themes/01-first.yml:18: strategies[2].id: the anchor '#resources' would appear twice on the page of the theme 'first-theme'\n    hint: choose another id"
    ],
    "strategy-id-key-strategies": [
        "playbook_data/themes/01-first.yml:18: strategies[2].id: the anchor '#key-strategies' would appear twice on the page of the theme 'first-theme'\n    hint: choose another id"
    ],
    "strategy-id-like-a-story-anchor": [
        "playbook_data/stories/kansas-story.yml:1: id: the anchor '#story-kansas-story' would appear twice on the page of the theme 'first-theme'\n    hint: choose another id"
    ],
    "strategy-id-stories-suffix": [
        "playbook_data/themes/01-first.yml:18: strategies[2].id: the anchor '#first-strategy-stories' would appear twice on the page of the theme 'first-theme'\n    hint: choose another id"
    ],
    "theme-id-quotes": [
        "playbook_data/themes/03-quotes.yml:1: id: the anchor '#quotes' would appear twice on a state's page\n    hint: choose another id"
    ],
    "acronym-wipes-raw-html": [
        "playbook_data/glossary.yml:3: terms[1].term: the acronym 'wzxhzdk' would change the pages' own markup (wzxhzdk is written by Markdown or HTML)\n    hint: spell the acronym differently, or leave out `expansion:` so that it is not marked across the site"
    ],
    "acronym-breaks-entities": [
        "playbook_data/glossary.yml:3: terms[1].term: the acronym 'amp' would change the pages' own markup (&amp; is written by Markdown or HTML)\n    hint: spell the acronym differently, or leave out `expansion:` so that it is not marked across the site"
    ],
    "nothing-left-at-all": [
        "playbook_data/stories:1: there are no stories\n    hint: add a story: playbook new story --state XX --theme ID",
        "playbook_data/themes:1: there are no themes\n    hint: add a theme file in playbook_data/themes/ (see the field reference)",
    ],
    "no-stories-left": [
        "playbook_data/stories:1: there are no stories\n    hint: add a story: playbook new story --state XX --theme ID"
    ],
}

CONTENT_CASES = [(name, change, EXPECTED[name]) for name, change in CHANGES]


# Editors' Markdown -> (exact sanitised HTML, exact editor messages).
PROSE_CASES = [
    (
        "[x](javascript:alert(1))",
        "<p><a>x</a></p>",
        ["the link to 'javascript:alert(1)' is not allowed (a 'javascript:' address)"],
    ),
    (
        "[x](JaVaScRiPt:alert(1))",
        "<p><a>x</a></p>",
        ["the link to 'JaVaScRiPt:alert(1)' is not allowed (a 'javascript:' address)"],
    ),
    (
        "[x](javascript&#58;alert(1))",
        "<p><a>x</a></p>",
        ["the link to 'javascript&#58;alert(1)' is not allowed (a 'javascript:' address)"],
    ),
    (
        "[x](javascript&#x3A;alert(1))",
        "<p><a>x</a></p>",
        ["the link to 'javascript&#x3A;alert(1)' is not allowed (a 'javascript:' address)"],
    ),
    (
        "[x](java&#x09;script:alert(1))",
        "<p><a>x</a></p>",
        ["the link to 'java&#x09;script:alert(1)' is not allowed (a 'javascript:' address)"],
    ),
    (
        "[x](java&#9;script:alert(1))",
        "<p><a>x</a></p>",
        ["the link to 'java&#9;script:alert(1)' is not allowed (a 'javascript:' address)"],
    ),
    (
        "[x](&#106;avascript:alert(1))",
        "<p><a>x</a></p>",
        ["the link to '&#106;avascript:alert(1)' is not allowed (a 'javascript:' address)"],
    ),
    (
        "[x](&#x6A;avascript:alert(1))",
        "<p><a>x</a></p>",
        ["the link to '&#x6A;avascript:alert(1)' is not allowed (a 'javascript:' address)"],
    ),
    (
        "[x]( javascript:alert(1))",
        "<p><a>x</a></p>",
        ["the link to 'javascript:alert(1)' is not allowed (a 'javascript:' address)"],
    ),
    (
        "[x](<javascript:alert(1)>)",
        "<p><a>x</a></p>",
        ["the link to 'javascript:alert(1)' is not allowed (a 'javascript:' address)"],
    ),
    (
        "[x](vbscript:msgbox(1))",
        "<p><a>x</a></p>",
        ["the link to 'vbscript:msgbox(1)' is not allowed (a 'vbscript:' address)"],
    ),
    (
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "<p><a>x</a></p>",
        ["the link to 'data:text/html;base64,PHNjcmlwdD4=' is not allowed (a 'data:' address)"],
    ),
    (
        "[x](file:///etc/passwd)",
        "<p><a>x</a></p>",
        ["the link to 'file:///etc/passwd' is not allowed (a 'file:' address)"],
    ),
    (
        "[x][r]\n\n[r]: javascript:alert(1)",
        "<p><a>x</a></p>",
        ["the link to 'javascript:alert(1)' is not allowed (a 'javascript:' address)"],
    ),
    (
        "[x][r]\n\n[r]: &#106;avascript:alert(1)",
        "<p><a>x</a></p>",
        ["the link to '&#106;avascript:alert(1)' is not allowed (a 'javascript:' address)"],
    ),
    (
        "[x](//evil.example/a)",
        "<p><a>x</a></p>",
        ["the link to '//evil.example/a' leaves out 'https:'"],
    ),
    (
        "[x](\\\\\\\\evil.example/a)",
        "<p><a>x</a></p>",
        ["the link to '\\\\evil.example/a' leaves out 'https:'"],
    ),
    (
        "![a](https://evil.example/a.png)",
        "<p><span>a</span></p>",
        ["the image 'https://evil.example/a.png' is on another site"],
    ),
    (
        "![a](//evil.example/a.png)",
        "<p><span>a</span></p>",
        ["the image '//evil.example/a.png' is on another site"],
    ),
    (
        "![a](\\\\\\\\evil.example/a.png)",
        "<p><span>a</span></p>",
        ["the image '\\\\evil.example/a.png' is on another site"],
    ),
    (
        "![a](/\\\\evil.example/a.png)",
        "<p><span>a</span></p>",
        ["the image '/\\evil.example/a.png' is on another site"],
    ),
    (
        "![a](&#47;&#47;evil.example/a.png)",
        "<p><span>a</span></p>",
        ["the image '&#47;&#47;evil.example/a.png' is on another site"],
    ),
    (
        "![a](http&#58;//evil.example/a.png)",
        "<p><span>a</span></p>",
        ["the image 'http&#58;//evil.example/a.png' is on another site"],
    ),
    (
        "![a][i]\n\n[i]: //evil.example/x.png",
        "<p><span>a</span></p>",
        ["the image '//evil.example/x.png' is on another site"],
    ),
    (
        "![x](javascript:alert(1))",
        "<p><span>x</span></p>",
        ["the image 'javascript:alert(1)' is on another site"],
    ),
    ("<javascript:alert(1)>", "<p>&lt;javascript:alert(1)&gt;</p>", []),
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", []),
    ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>", []),
    ('<a href="javascript:x">a</a>', "<p>&lt;a href=”javascript:x”&gt;a&lt;/a&gt;</p>", []),
    (
        '<iframe src="//evil.example"></iframe>',
        "<p>&lt;iframe src=”//evil.example”&gt;&lt;/iframe&gt;</p>",
        [],
    ),
    ("<svg onload=alert(1)>", "<p>&lt;svg onload=alert(1)&gt;</p>", []),
    (
        "<style>body{display:none}</style>",
        "<p>&lt;style&gt;body{display:none}&lt;/style&gt;</p>",
        [],
    ),
    ('text\n{: onclick="alert(1)" }', "<p>text\n{: onclick=”alert(1)” }</p>", []),
    ("# Heading {: #x onclick=y }", "<h1>Heading {: #x onclick=y }</h1>", []),
    ("<!-- comment --> visible", "<p>&lt;!– comment –&gt; visible</p>", []),
    (
        '[x](https://example.org "t" onclick="y")',
        '<p><a href="https://example.org" rel="noopener" title="t&quot; onclick=&quot;y">x</a></p>',
        [],
    ),
    (
        '[x](https://example.org/"onmouseover="alert(1))',
        '<p><a href="https://example.org/&quot;onmouseover=&quot;alert(1" rel="noopener">x</a>)</p>',
        [],
    ),
    ("{{ 7*7 }} and {% raw %}", "<p>{{ 7*7 }} and {% raw %}</p>", []),
    ("&lt;script&gt; stays text", "<p>&lt;script&gt; stays text</p>", []),
    (
        "**bold** and *em* and `code <b>`",
        "<p><strong>bold</strong> and <em>em</em> and <code>code &lt;b&gt;</code></p>",
        [],
    ),
    (
        "<https://example.org>",
        '<p><a href="https://example.org" rel="noopener">https://example.org</a></p>',
        [],
    ),
    (
        "[ok](https://example.org/a?b=1&c=2)",
        '<p><a href="https://example.org/a?b=1&amp;c=2" rel="noopener">ok</a></p>',
        [],
    ),
    ("[mail](mailto:team@example.org)", '<p><a href="mailto:team@example.org">mail</a></p>', []),
    ("[section](#key-strategies)", '<p><a href="#key-strategies">section</a></p>', []),
    ("![a](/assets/map.png)", '<p><img alt="a" src="/assets/map.png"></p>', []),
    (
        "The PCA and BHSA agree.",
        '<p>The <abbr title="primary care association">PCA</abbr> and BHSA agree.</p>',
        [],
    ),
    ("1. one\n2. two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>", []),
    (
        "- a\n    - b\n        - c",
        "<ul>\n<li>a<ul>\n<li>b<ul>\n<li>c</li>\n</ul>\n</li>\n</ul>\n</li>\n</ul>",
        [],
    ),
    ("> quote\n> more", "<blockquote>\n<p>quote\nmore</p>\n</blockquote>", []),
    ("\"Quotes\" -- and... 'single'", "<p>“Quotes” – and… ‘single’</p>", []),
    ("[x](%6Aavascript:alert(1))", '<p><a href="%6Aavascript:alert(1)">x</a></p>', []),
]


# Plain text -> (Markdown text, HTML text or attribute, front matter): never markup.
TEXT_CASES = [
    (
        '"><script>alert(1)</script>',
        "&quot;&gt;&lt;script&gt;alert\\(1\\)&lt;/script&gt;",
        "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
        '"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"',
    ),
    (
        "' onmouseover='alert(1)",
        "' onmouseover='alert\\(1\\)",
        "' onmouseover='alert(1)",
        "\"' onmouseover='alert(1)\"",
    ),
    (
        '" http-equiv="refresh" content="0;url=https://evil.example',
        "&quot; http\\-equiv=&quot;refresh&quot; content=&quot;0;url=https://evil\\.example",
        "&quot; http-equiv=&quot;refresh&quot; content=&quot;0;url=https://evil.example",
        '"&quot; http-equiv=&quot;refresh&quot; content=&quot;0;url=https://evil.example"',
    ),
    (
        "[x](javascript:alert(1))",
        "\\[x\\]\\(javascript:alert\\(1\\)\\)",
        "[x](javascript:alert(1))",
        '"[x](javascript:alert(1))"',
    ),
    (
        "*not em* _nor this_ `nor code`",
        "\\*not em\\* \\_nor this\\_ \\`nor code\\`",
        "*not em* _nor this_ `nor code`",
        '"*not em* _nor this_ `nor code`"',
    ),
    (
        "{: onclick=alert(1) }",
        "\\{: onclick=alert\\(1\\) \\}",
        "{: onclick=alert(1) }",
        '"{: onclick=alert(1) }"',
    ),
    ("# not a heading", "\\# not a heading", "# not a heading", '"# not a heading"'),
    ("1. not a list", "1\\. not a list", "1. not a list", '"1. not a list"'),
    ("| not | a table |", "\\| not \\| a table \\|", "| not | a table |", '"| not | a table |"'),
    ("line one\nline two", "line one line two", "line one line two", '"line one line two"'),
    ("a\r\nb", "a b", "a b", '"a b"'),
    (
        "&amp; stays &amp;",
        "&amp;amp; stays &amp;amp;",
        "&amp;amp; stays &amp;amp;",
        '"&amp;amp; stays &amp;amp;"',
    ),
    (
        "<!-- not a comment -->",
        "&lt;\\!\\-\\- not a comment \\-\\-&gt;",
        "&lt;!-- not a comment --&gt;",
        '"&lt;!-- not a comment --&gt;"',
    ),
    (
        "{{ 7*7 }} {% raw %}",
        "\\{\\{ 7\\*7 \\}\\} \\{% raw %\\}",
        "{{ 7*7 }} {% raw %}",
        '"{{ 7*7 }} {% raw %}"',
    ),
    ("\\*escaped\\*", "\\\\\\*escaped\\\\\\*", "\\*escaped\\*", '"\\\\*escaped\\\\*"'),
    (
        "![img](https://evil.example/a.png)",
        "\\!\\[img\\]\\(https://evil\\.example/a\\.png\\)",
        "![img](https://evil.example/a.png)",
        '"![img](https://evil.example/a.png)"',
    ),
]


# Addresses from the data -> (Markdown link target, href attribute): parsed, re-serialised.
URL_CASES = [
    ("https://example.org/report", "https://example.org/report", "https://example.org/report"),
    ("HTTPS://Example.org/a b", "https://example.org/a%20b", "https://example.org/a%20b"),
    (
        "https://example.org/)<script>alert(1)</script>",
        "https://example.org/%29%3Cscript%3Ealert%281%29%3C/script%3E",
        "https://example.org/%29%3Cscript%3Ealert%281%29%3C/script%3E",
    ),
    (
        "https://example.org/?q=\"x\"&r='y'",
        "https://example.org/?q=%22x%22&r=%27y%27",
        "https://example.org/?q=%22x%22&amp;r=%27y%27",
    ),
    ("https://example.org/a(b)c", "https://example.org/a%28b%29c", "https://example.org/a%28b%29c"),
    (
        "http://example.org:8080/x#frag ment",
        "http://example.org:8080/x#frag%20ment",
        "http://example.org:8080/x#frag%20ment",
    ),
    ("https://[2001:db8::1]/x", "https://[2001:db8::1]/x", "https://[2001:db8::1]/x"),
    ("https://example.org/\\evil", "https://example.org/%5Cevil", "https://example.org/%5Cevil"),
    ("https://example.org/%41%zz", "https://example.org/%41%zz", "https://example.org/%41%zz"),
]


# Addresses the pages refuse to write (validation refuses them first).
UNSAFE_URLS = [
    "javascript:alert(1)",
    "data:text/html,x",
    "//example.org/x",
    "/relative",
    "mailto:a@example.org",
    "https://",
    "https://exa mple.org/",
    "https://example.org:port/",
    "ftp://example.org/",
    'https://exa"mple.org/',
    "https://user:pw@example.org/",
]


# stories.csv cells -> what a spreadsheet receives: formulas made text with a leading '.
CSV_CASES = [
    ('=HYPERLINK("https://evil.example","click")', '\'=HYPERLINK("https://evil.example","click")'),
    ("+1+2", "'+1+2"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tleading tab", "'\tleading tab"),
    ("\rleading return", "'\rleading return"),
    ("=1+2", "'=1+2"),
    ("A normal title", "A normal title"),
    ("Title with = inside", "Title with = inside"),
    ("-", "'-"),
    ("2023", "2023"),
]
