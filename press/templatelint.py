"""Template lint: no inline script and no `style=` attribute in the theme's templates.

Content-Security-Policy friendliness and the project's rule "no inline scripts, no style=":
a `<script>` must have a `src` (JSON-LD data, type="application/ld+json", is allowed), and no
element may carry a `style` attribute or an inline event handler (`onclick=` ...).
"""

import re
from dataclasses import dataclass
from pathlib import Path

SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\sstyle\s*=", re.IGNORECASE | re.DOTALL)
HANDLER = re.compile(r"<[a-zA-Z][^>]*?\son[a-z]+\s*=", re.IGNORECASE | re.DOTALL)
JINJA_COMMENT = re.compile(r"{#.*?#}", re.DOTALL)


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    message: str

    def __str__(self):
        return f"{self.file}:{self.line}: {self.message}"


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def lint_template(text: str, name: str) -> list[Finding]:
    # Blank out Jinja comments but keep line numbers.
    text = JINJA_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    findings = []
    for match in SCRIPT.finditer(text):
        attributes = match.group(1)
        if re.search(r"\ssrc\s*=", attributes):
            continue
        if re.search(r"""\stype\s*=\s*["']?application/ld\+json""", attributes, re.I):
            continue
        findings.append(
            Finding(name, _line(text, match.start()), "inline <script> (use a file with src=)")
        )
    for match in STYLE_ATTRIBUTE.finditer(text):
        findings.append(
            Finding(name, _line(text, match.start()), "style= attribute (use a CSS class)")
        )
    for match in HANDLER.finditer(text):
        findings.append(Finding(name, _line(text, match.start()), "inline event handler (on…=)"))
    return findings


def lint_templates(folder: Path) -> list[Finding]:
    findings = []
    for path in sorted(Path(folder).rglob("*.html")):
        name = path.relative_to(folder).as_posix()
        findings += lint_template(path.read_text(encoding="utf-8"), name)
    return findings
