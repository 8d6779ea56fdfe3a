"""--format junit: one test case per document (a failure per error-level finding, the rest as
system-out), one test suite per case. Readable by GitLab, Jenkins and the GitHub test reporters."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from doclint.model import Severity

if TYPE_CHECKING:
    from doclint.config import Options
    from doclint.engine import RunResult


def render(run: RunResult, options: Options, color: bool = False) -> str:
    suites = Element("testsuites", name="doclint")
    total = failures = 0
    for case in run.cases:
        suite = SubElement(suites, "testsuite", name=case.context.path)
        by_path: dict[str, list] = {r.display: [] for r in case.context.records}
        case_level: list = []
        for f in case.findings:
            by_path.get(f.path, case_level).append(f)
        n_fail = 0
        for path, findings in [*by_path.items(), *([(case.context.path, case_level)] if case_level else [])]:
            tc = SubElement(suite, "testcase", classname=case.context.path, name=path)
            errors = [f for f in findings if f.severity is Severity.ERROR]
            for f in errors:
                failure = SubElement(tc, "failure", type=f"{f.rule} {f.name}", message=f.message)
                failure.text = "\n".join(
                    x for x in (
                        f"{f.path}:{f.line or 1}: {f.rule} {f.message}",
                        f"found: {f.evidence}" if f.evidence else "",
                        f"fix: {f.suggestion}" if f.suggestion else "",
                    ) if x
                )
            others = [f for f in findings if f.severity is not Severity.ERROR]
            if others:
                out = SubElement(tc, "system-out")
                out.text = "\n".join(f"{f.path}:{f.line or 1}: {f.rule} [{f.severity.value}] {f.message}" for f in others)
            n_fail += 1 if errors else 0
        tests = len(suite.findall("testcase"))
        suite.set("tests", str(tests))
        suite.set("failures", str(n_fail))
        suite.set("errors", "0")
        total += tests
        failures += n_fail
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(suites, encoding="unicode") + "\n"
