import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/model.js';
import {
  contextOf,
  deepFreeze,
  emptyResult,
  findingOf,
  helmResult,
  HOSTILE,
  hostileResult,
  mixedResult,
  reversed,
} from '../../test/reporters/fixtures.js';
import { elementsNamed, parseXml, type XmlElement } from '../../test/reporters/xml-checker.js';
import { junitReporter } from './junit.js';
import { escapeXmlAttribute, escapeXmlText } from './xml.js';

function attribute(element: XmlElement | undefined, name: string): string | undefined {
  return element?.attributes.get(name);
}

function counts(element: XmlElement | undefined): string[] {
  return ['tests', 'failures', 'errors', 'skipped'].map((name) => attribute(element, name) ?? '');
}

/** What survives XML: the text without the characters XML 1.0 forbids. */
function xmlSafe(text: string): string {
  let kept = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    kept += allowed ? char : '';
  }
  return kept;
}

describe('junitReporter', () => {
  it('writes one suite per file and one case per object and rule, with counts', () => {
    const root = parseXml(junitReporter(mixedResult, contextOf()));
    expect(root.name).toBe('testsuites');
    expect(counts(root)).toEqual(['10', '4', '3', '3']);
    const suites = elementsNamed(root, 'testsuite');
    expect(suites.map((suite) => [attribute(suite, 'name'), ...counts(suite)])).toEqual([
      ['broken.yaml', '1', '0', '1', '0'],
      ['charts/values.yaml', '1', '0', '0', '1'],
      ['deploy/svc.yaml', '1', '1', '0', '0'],
      ['deploy/web.yaml', '5', '3', '1', '1'],
      ['missing.yaml', '1', '0', '1', '0'],
      ['rbac/role.yaml', '1', '0', '0', '1'],
    ]);
    const web = suites[3]!;
    expect(
      web.children.map((testcase) => [
        attribute(testcase, 'classname'),
        attribute(testcase, 'name'),
        testcase.children[0]?.name,
      ]),
    ).toEqual([
      ['Deployment/shop/web', 'custom/unknown', 'failure'],
      ['Deployment/shop/web', 'hardening/privileged', 'failure'],
      ['Deployment/shop/web', 'hardening/run-as-non-root', 'failure'],
      ['Deployment/shop/web', 'hardening/privileged', 'error'],
      ['deploy/web.yaml', 'skipped (line 60)', 'skipped'],
    ]);
  });

  it('puts the findings into the failure, typed by the worst severity', () => {
    const root = parseXml(junitReporter(mixedResult, contextOf()));
    const failure = elementsNamed(root, 'failure').find(
      (element) => attribute(element, 'type') === 'critical',
    );
    expect(attribute(failure, 'message')).toBe('Container "app" runs privileged.');
    expect(failure?.text).toBe(
      [
        'deploy/web.yaml:20:11  CRITICAL  Container "app" runs privileged.',
        '',
        'hardening/privileged: Privileged container',
        'https://docs.example.test/rules/hardening/privileged.md',
      ].join('\n'),
    );
  });

  it('lists several findings of one object and rule in one case', () => {
    const findings: Finding[] = mixedResult.findings
      .filter((finding) => finding.ruleId === 'hardening/privileged')
      .map((finding) => ({ ...finding, suppression: undefined, severity: 'high' }));
    findings.push(findingOf({ line: 50, fingerprint: 'x' }));
    const twice = { ...emptyResult, findings };
    const root = parseXml(junitReporter(twice, contextOf({ lang: 'ja' })));
    expect(counts(root)).toEqual(['1', '1', '0', '0']);
    const failure = elementsNamed(root, 'failure')[0];
    expect(attribute(failure, 'type')).toBe('critical');
    expect(attribute(failure, 'message')).toBe('Container "app" runs privileged. （ほか 2 件）');
    expect(failure?.text.split('\n').slice(0, 3)).toEqual([
      'deploy/web.yaml:20:11  高  Container "app" runs privileged.',
      'deploy/web.yaml:44:11  高  Container "debug" runs privileged.',
      'deploy/web.yaml:50:11  重大  Container "app" runs privileged.',
    ]);
  });

  it('turns errors into error cases and suppressions into skipped cases', () => {
    const root = parseXml(junitReporter(mixedResult, contextOf()));
    const errors = elementsNamed(root, 'error');
    expect(errors.map((error) => attribute(error, 'type'))).toEqual([
      'YAML_SYNTAX',
      'RULE_CRASHED',
      'NOT_FOUND',
    ]);
    expect(errors[0]?.text).toBe(
      'broken.yaml:3:5  YAML_SYNTAX  bad indentation of a mapping entry',
    );
    const skipped = elementsNamed(root, 'skipped').map((element) => attribute(element, 'message'));
    expect(skipped).toEqual([
      'Helm values file.',
      'Not a Kubernetes object (no kind).',
      'Suppressed by configuration: Ticket SEC-12.',
    ]);
  });

  it('writes an empty but valid report for a clean scan', () => {
    const xml = junitReporter(emptyResult, contextOf());
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<testsuites name="mamori" tests="0" failures="0" errors="0" skipped="0">\n' +
        '</testsuites>\n',
    );
    expect(counts(parseXml(xml))).toEqual(['0', '0', '0', '0']);
  });

  it('escapes hostile names so that they round-trip as data', () => {
    const xml = junitReporter(hostileResult, contextOf());
    const root = parseXml(xml);
    expect(elementsNamed(root, 'script')).toEqual([]);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u001b');
    expect(xml).not.toContain('\u0000');
    const safe = xmlSafe(HOSTILE);
    const suite = elementsNamed(root, 'testsuite')[0];
    expect(attribute(suite, 'name')).toBe(`dir/${safe}.yaml`);
    const cases = elementsNamed(root, 'testcase');
    expect(attribute(cases[0], 'classname')).toBe(`Pod/ns-${safe}/pod-${safe}`);
    expect(attribute(elementsNamed(root, 'failure')[0], 'message')).toBe(
      `Container "${safe}" runs privileged.`,
    );
    // Text content keeps its line breaks; a CR survives as a character reference.
    expect(elementsNamed(root, 'failure')[0]?.text).toContain(`Container "${safe}" runs`);
    expect(attribute(elementsNamed(root, 'skipped')[0], 'message')).toBe(`Skipped ${safe}`);
  });

  it('gives the same bytes for the same scan in any order, without touching the input', () => {
    const frozen = deepFreeze(structuredClone(mixedResult));
    const first = junitReporter(frozen, contextOf());
    expect(junitReporter(reversed(mixedResult), contextOf())).toBe(first);
  });
});

describe('XML escaping', () => {
  it('escapes markup and quotes, and keeps white space in attributes', () => {
    expect(escapeXmlAttribute(`a<b>&"c"'d'\n\t\r`)).toBe(
      'a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#10;&#9;&#13;',
    );
    expect(escapeXmlText(`a<b>&"c"\n\r`)).toBe('a&lt;b&gt;&amp;"c"\n&#13;');
  });

  it('drops characters XML forbids', () => {
    expect(escapeXmlText('a\u0000b\u0008c\u001fd\ud800e\udfff\ufffe\uffff!')).toBe('abcde!');
    expect(escapeXmlText('\u{1f512} ok')).toBe('\u{1f512} ok');
  });

  it('the checker rejects what is not well-formed', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml('<a x="<"/>')).toThrow();
    expect(() => parseXml('<a>&bogus;</a>')).toThrow();
    expect(() => parseXml('<a>\u0001</a>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow();
    expect(parseXml('<a x="&#10;&lt;"> t&amp;t </a>')).toMatchObject({ text: ' t&t ' });
  });

  it('names the chart template of rendered Helm output beside the location', () => {
    const xml = parseXml(junitReporter(helmResult, contextOf()));
    expect(elementsNamed(xml, 'failure')[0]?.text.split('\n')[0]).toBe(
      '<stdin>:14:13 (shop/templates/deployment.yaml)  CRITICAL  Container "app" runs privileged.',
    );
    expect(elementsNamed(xml, 'error')[0]?.text).toBe(
      '<stdin>:40:3 (shop/templates/config.yaml)  YAML_SYNTAX  bad indentation of a mapping entry',
    );
  });
});
