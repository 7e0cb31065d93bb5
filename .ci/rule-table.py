#!/usr/bin/env python3
"""Regenerates the README's rule table: rules of csp-core/DOMAIN.md, enforcing types, rule-named tests."""
import re, os, sys, collections
root = sys.argv[1] if len(sys.argv) > 1 else '.'
os.chdir(root)
domain = open('csp-core/DOMAIN.md').read()
rules = []
for m in re.finditer(r'^- ([A-Z]{3}-[0-9]+)', domain, re.M):
    if m.group(1) not in rules:
        rules.append(m.group(1))
readme = open('README.md').read()
start = readme.index('| Rule | Enforced by |')
end = readme.index('\n\n', start)
old = {}
for line in readme[start:end].split('\n')[2:]:
    cells = line.split(' | ')
    rid = cells[0].strip('| ')
    scen = ''
    if ' · scenarios: ' in line:
        scen = line.split(' · scenarios: ', 1)[1].rstrip(' |')
    old[rid] = (cells[1], scen)
enforced_new = {
    'MPA-1': '`PartnerAgreement`, `PartnerAgreementPolicy`, `TerminationNotice`',
    'NCE-1': '`TermLength`, `BillingPlan`, `TermOffer`, `TermPolicy`, `TermCalendar`, `OfferPrices`',
    'NCE-2': '`Instalment`, `TermCalendar`, `VendorLedger`',
    'NCE-3': '`NceOperations`, `TermState`',
    'NCE-4': '`NceOperations.addSeats`, `VendorLedger`',
    'NCE-5': '`ChangeWindow`, `NceOperations.cancel`, `VendorLedger`',
    'NCE-6': '`RefundableSeats`, `NceOperations.removeSeats`',
    'NCE-7': '`SuspensionBilling`, `NceOperations.suspend`',
    'NCE-8': '`ScheduledChange`, `NceOperations.schedule`, `NceOperations.rollTo`',
    'NCE-9': '`UpgradePaths`, `NceOperations.upgrade`',
    'NCE-10': '`VendorLedger`, `VendorCharge`, `ChargeType`, `VendorChargeCsv`',
    'GDA-1': '`GdapRelationship`, `GdapPolicy`',
    'GDA-2': '`GdapAccess`, `GdapRole`, `GdapRoles`, `SecurityGroups`, `DelegatedTask`',
    'GDA-3': '`GdapRelationship.withAutoExtend`, `GdapRelationship.statusOn`',
    'GDA-4': '`GdapRelationship.terminate`, `GdapAccess`',
}
tests = collections.defaultdict(list)
for d in ['csp-core/src/test/java', 'csp-examples/src/test/java']:
    for dp, dirs, fs in os.walk(d):
        dirs.sort()
        for f in sorted(fs):
            if not f.endswith('.java'):
                continue
            p = os.path.join(dp, f)
            for m in re.finditer(r'void +([A-Z]{3}_[0-9]+[A-Za-z0-9_]*)', open(p).read()):
                name = m.group(1)
                rid = re.match(r'([A-Z]{3})_([0-9]+)', name)
                tests[rid.group(1) + '-' + rid.group(2)].append((name, p))
scen_dir = 'csp-examples/src/test/resources/scenarios'
scen_files = sorted(f for f in os.listdir(scen_dir) if f.endswith('.csp'))
rows = []
for r in rules:
    enf, scen = old.get(r, (enforced_new.get(r, ''), ''))
    if not scen:
        hits = [f for f in scen_files if re.search(r'\b' + re.escape(r) + r'\b', open(os.path.join(scen_dir, f)).read())]
        scen = ', '.join('[%s](%s/%s)' % (f, scen_dir, f) for f in hits)
    ts = tests.get(r, [])
    ex = ', '.join('[`%s`](%s)' % (n, p) for n, p in ts[:2])
    cell = '%d; %s' % (len(ts), ex) if ts else '0'
    if scen:
        cell += ' · scenarios: ' + scen
    rows.append('| %s | %s | %s |' % (r, enf, cell))
table = '| Rule | Enforced by | Tests (count; examples) |\n|---|---|---|\n' + '\n'.join(rows)
open('README.md', 'w').write(readme[:start] + table + readme[end:])
missing = [r for r in rules if not tests.get(r)]
print('rules:', len(rules), 'without tests:', missing)
