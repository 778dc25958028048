"""The workshop's phone page: its words in every shipped language, shown in the facilitator's
language when the page has it, else in the phone's."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from importlib.resources import files

import pytest

from journeycanvas.i18n import available_languages
from journeycanvas.workshop.page import page_files

APP = files("journeycanvas").joinpath("resources", "workshop", "app.js").read_text("utf-8")
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node runs the page's script")


def _run_page_script(script: str) -> object:
    """Run the page's strings and language choice, then `script`, in node; its JSON result."""
    strings = re.search(r"const STRINGS = \{.*?\n\};\n", APP, re.S)
    picker = re.search(r"function pickLanguage\(\) \{.*?\n\}\n", APP, re.S)
    assert strings is not None and picker is not None
    source = strings[0] + picker[0] + script
    assert NODE is not None
    done = subprocess.run(
        [NODE, "-e", source], capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(done.stdout)


@needs_node
def test_the_page_has_every_word_in_every_shipped_language() -> None:
    keys = _run_page_script(
        "console.log(JSON.stringify(Object.fromEntries("
        "Object.entries(STRINGS).map(([k, v]) => [k, Object.keys(v).sort()]))))"
    )
    assert isinstance(keys, dict)
    for language in available_languages():
        base = language.code.split("_")[0]
        assert keys.get(base) == keys["en"], language.code


@needs_node
@pytest.mark.parametrize(
    ("facilitator", "phone", "shown"),
    [
        ("id", ["sv-SE"], "id"),
        ("zh-CN", ["en-US"], "zh"),
        ("", ["pl-PL", "en"], "pl"),
        ("x-pseudo", ["de-DE", "in-ID"], "id"),
        ("", ["de-DE"], "en"),
    ],
)
def test_the_page_speaks_the_facilitators_language_else_the_phones(
    facilitator: str, phone: list[str], shown: str
) -> None:
    page = {"documentElement": {"dataset": {"facilitator": facilitator}}}
    # defineProperty: newer node has a navigator of its own that plain assignment cannot replace
    script = (
        f"Object.defineProperty(globalThis, 'document', {{value: {json.dumps(page)}}});"
        f"Object.defineProperty(globalThis, 'navigator', "
        f"{{value: {{languages: {json.dumps(phone)}}}}});"
        "console.log(JSON.stringify(pickLanguage()));"
    )
    assert _run_page_script(script) == shown


def test_the_server_marks_the_page_with_the_facilitators_language() -> None:
    page = page_files("zh_CN")[""].body.decode("utf-8")
    assert 'data-facilitator="zh-CN"' in page
    assert "textContent" in APP and "innerHTML" not in APP
