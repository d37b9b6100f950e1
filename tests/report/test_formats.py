"""Each format read back the way its consumers read it: SARIF against the official schema, JUnit with an XML parser
the way CI test reporters do, GitHub workflow commands with the runner's escaping rules."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest

from tqa.model import DocumentResult, Finding, Report, Severity, Span
from tqa.report import render
from tqa.report.github_format import escape_data, escape_property
from tqa.report.sarif_format import artifact_uri

SCHEMA = Path(__file__).parent / "sarif-schema-2.1.0.json"


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _tricky_report() -> Report:
    """Text that breaks naive writers: XML specials, control characters, markup, percent signs, new lines."""
    span = Span(2, 3, 2, 9, "a\x07<b>&", 10, 16)
    f = Finding("TQA101", "untranslated-paragraph", "untranslated", Severity.WARNING,
                "bad \x1b[31mred\x1b[0m [bold]x[/] 100% <tag> & \"q\"\r\nnext",
                source=span, target=span, fingerprint="00ff")
    return Report("0.1.0", "sig", (DocumentResult("s p,a:ce.uk.txt", "s p,a:ce.en.txt", (f,)),))


# -- SARIF -----------------------------------------------------------------------------------------------------------


def test_sarif_is_valid_against_the_official_schema(report, fake_rules):
    log = json.loads(render(report, "sarif", rules=fake_rules))
    errors = sorted(_validator().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_the_schema_check_catches_a_broken_log(report, fake_rules):
    log = json.loads(render(report, "sarif", rules=fake_rules))
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(list(_validator().iter_errors(log))) >= 2


def test_sarif_with_registry_rules_and_tricky_text_is_valid():
    log = json.loads(render(_tricky_report(), "sarif"))  # rules from the registry
    assert not list(_validator().iter_errors(log))
    ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert ids == sorted(set(ids)) or ids[:-1] == sorted(ids[:-1])


def test_sarif_content(report, fake_rules):
    run = json.loads(render(report, "sarif", rules=fake_rules))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["TQA101", "TQA102", "TQA201", "TQA501"]
    assert rules[1]["help"]["text"].startswith("Finds Cyrillic letters")
    assert "## Why is this bad?" in rules[1]["help"]["markdown"]
    assert rules[2]["defaultConfiguration"]["level"] == "warning"
    results = run["results"]
    assert len(results) == sum(len(d.findings) for d in report.documents)
    first = results[0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "TQA102"
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "news/kyiv-drones.en.txt"
    assert (loc["region"]["startLine"], loc["region"]["startColumn"], loc["region"]["endColumn"]) == (1, 60, 64)
    related = first["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "news/kyiv-drones.uk.txt"
    assert related["region"]["snippet"]["text"] == "Києвом"
    assert first["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "Kyiv"
    assert first["partialFingerprints"] == {"tqaFingerprint/v1": "1a2b3c4d5e6f7081"}
    assert [r["level"] for r in results] == ["error", "warning", "error", "note", "warning"]
    # the omission has no target: it is located in the source file, without a related location
    omission = results[3]
    assert omission["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/kyiv-drones.uk.txt"
    assert "relatedLocations" not in omission
    assert run["columnKind"] == "unicodeCodePoints"
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert "9f8e7d6c5b4a3921" in notes[0]["message"]["text"]


def test_sarif_region_columns_are_code_points_with_exclusive_end(report, fake_rules, story_texts):
    source, target = story_texts
    files = {"news/kyiv-drones.uk.txt": source.splitlines(), "news/kyiv-drones.en.txt": target.splitlines()}
    run = json.loads(render(report, "sarif", rules=fake_rules))["runs"][0]
    checked = 0
    for result in run["results"]:
        locs = [result["locations"][0]] + result.get("relatedLocations", [])
        for loc in locs:
            phys = loc["physicalLocation"]
            lines = files.get(phys["artifactLocation"]["uri"])
            if lines is None:
                continue
            region = phys["region"]
            assert region["startLine"] == region["endLine"]
            line = lines[region["startLine"] - 1]
            assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]
            checked += 1
    assert checked == 7


def test_artifact_uris():
    assert artifact_uri("news/a b.en.txt") == "news/a%20b.en.txt"
    assert unquote(artifact_uri("новини/київ.en.txt")) == "новини/київ.en.txt"
    assert artifact_uri("/tmp/x.en.txt") == "file:///tmp/x.en.txt"


# -- JUnit -----------------------------------------------------------------------------------------------------------


def test_junit_structure(report):
    root = ET.fromstring(render(report, "junit").encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    cases = suites[0].findall("testcase")
    assert len(cases) == len(report.documents) == int(suites[0].get("tests"))
    assert int(suites[0].get("failures")) == sum(1 for d in report.documents if d.findings)
    assert int(root.get("failures")) <= int(root.get("tests"))
    per_case = [len(c.findall("failure")) for c in cases]
    assert per_case == [len(d.findings) for d in report.documents]
    first = cases[0].findall("failure")[0]
    assert first.get("type") == "TQA102"
    assert first.get("message").startswith("TQA102 [error]")
    assert "news/kyiv-drones.en.txt:1:60" in first.text
    assert cases[0].get("file") == "news/kyiv-drones.en.txt"
    assert cases[0].get("name") == "news/kyiv-drones.uk.txt → news/kyiv-drones.en.txt"
    assert cases[1].find("failure") is None  # the clean story passes
    odd = cases[2].findall("failure")[0]
    assert "\n" in odd.get("message")  # attribute new lines survive as &#10;
    assert "9f8e7d6c5b4a3921" in suites[0].find("system-out").text
    for case in cases:
        assert float(case.get("time")) == 0.0


def test_junit_survives_control_characters_and_markup():
    xml = render(_tricky_report(), "junit")
    root = ET.fromstring(xml.encode("utf-8"))  # raises on invalid XML
    failure = root.find("testsuite/testcase/failure")
    assert "<tag> & \"q\"" in failure.get("message")
    assert "\x07" not in xml and "\x1b" not in xml
    assert root.find("testsuite/testcase").get("file") == "s p,a:ce.en.txt"


def test_junit_empty_report():
    root = ET.fromstring(render(Report("0.1.0", "sig", ()), "junit").encode())
    assert root.get("tests") == "0" and root.get("failures") == "0"


def test_junit_against_a_junit_schema_when_available(report, tmp_path):
    """Validate with xmlschema against a minimal Jenkins-style JUnit schema (skipped without xmlschema)."""
    xmlschema = pytest.importorskip("xmlschema")
    xsd = tmp_path / "junit.xsd"
    xsd.write_text(_JUNIT_XSD, encoding="utf-8")
    xmlschema.XMLSchema(str(xsd)).validate(render(report, "junit"))


_JUNIT_XSD = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:element name="failure">
    <xs:complexType mixed="true">
      <xs:attribute name="type" type="xs:string"/>
      <xs:attribute name="message" type="xs:string"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="properties">
    <xs:complexType><xs:sequence>
      <xs:element name="property" minOccurs="0" maxOccurs="unbounded">
        <xs:complexType>
          <xs:attribute name="name" type="xs:string" use="required"/>
          <xs:attribute name="value" type="xs:string" use="required"/>
        </xs:complexType>
      </xs:element>
    </xs:sequence></xs:complexType>
  </xs:element>
  <xs:element name="testcase">
    <xs:complexType>
      <xs:sequence><xs:element ref="failure" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="classname" type="xs:string"/>
      <xs:attribute name="file" type="xs:string"/>
      <xs:attribute name="time" type="xs:decimal"/>
    </xs:complexType>
  </xs:element>
  <xs:attributeGroup name="counts">
    <xs:attribute name="name" type="xs:string"/>
    <xs:attribute name="tests" type="xs:nonNegativeInteger"/>
    <xs:attribute name="failures" type="xs:nonNegativeInteger"/>
    <xs:attribute name="errors" type="xs:nonNegativeInteger"/>
    <xs:attribute name="skipped" type="xs:nonNegativeInteger"/>
    <xs:attribute name="time" type="xs:decimal"/>
  </xs:attributeGroup>
  <xs:element name="testsuite">
    <xs:complexType>
      <xs:sequence>
        <xs:element ref="properties" minOccurs="0"/>
        <xs:element ref="testcase" minOccurs="0" maxOccurs="unbounded"/>
        <xs:element name="system-out" type="xs:string" minOccurs="0"/>
      </xs:sequence>
      <xs:attributeGroup ref="counts"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="testsuites">
    <xs:complexType>
      <xs:sequence><xs:element ref="testsuite" maxOccurs="unbounded"/></xs:sequence>
      <xs:attributeGroup ref="counts"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""


# -- GitHub ----------------------------------------------------------------------------------------------------------

_COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def _parse_props(props: str) -> dict[str, str]:
    out = {}
    for item in props.split(","):
        key, _, value = item.partition("=")
        out[key] = value.replace("%3A", ":").replace("%2C", ",").replace("%0A", "\n").replace("%0D", "\r") \
            .replace("%25", "%")
    return out


def test_github_commands(report):
    lines = render(report, "github").splitlines()
    commands = [m for m in map(_COMMAND.match, lines) if m]
    findings = [f for d in report.documents for f in d.findings]
    assert len(commands) == len(findings) + 1  # + the stale-baseline warning
    levels = [m.group(1) for m in commands[: len(findings)]]
    assert levels == ["error", "warning", "error", "notice", "warning"]
    first = _parse_props(commands[0].group("props"))
    assert first == {"file": "news/kyiv-drones.en.txt", "line": "1", "col": "60", "endLine": "1",
                     "endColumn": "64", "title": "TQA102 cyrillic-lookalike"}
    odd = _parse_props(commands[4].group("props"))
    assert odd["file"] == "news/odd, name: 1.en.txt"  # ',' and ':' escaped in the property, restored here
    assert "%0A" in commands[4].group("message") and "\n" not in commands[4].group("message")
    assert _parse_props(commands[3].group("props"))["file"] == "news/kyiv-drones.uk.txt"  # source-only finding
    assert lines[-1] == "tqa: 5 findings in 3 documents"


def test_github_escaping():
    assert escape_data("100%\r\nx") == "100%25%0D%0Ax"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    line = render(_tricky_report(), "github").splitlines()[0]
    assert line.startswith("::warning file=s p%2Ca%3Ace.en.txt,line=2,col=3,")
    assert "\r" not in line and "100%25" in line
