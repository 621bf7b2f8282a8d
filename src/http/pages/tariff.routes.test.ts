/**
 * The offer and tariff pages over the whole app (createTestApp): the register and its public
 * view, the offer forms, an operator's report (only its own offers, the change rule with the
 * Danish error beside the field and the typed amounts kept, the lock after submitting), the
 * secretariat's overview and the public appendix with its XLSX read back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, fixedClock, type Client, type TestApp } from '../../../test/support/app.ts';
import { itemRepository } from '../../db/repositories/item.repository.ts';
import { committeeRepository } from '../../db/repositories/committee.repository.ts';
import { tariffRepository } from '../../db/repositories/tariff.repository.ts';
import { offerService, type Actor } from '../../services/offer.service.ts';
import { tariffService } from '../../services/tariff.service.ts';
import { APPENDIX_SHEET } from '../../services/xlsx/tariff-appendix.ts';

const SECRETARIAT: Actor = {
  viewer: { userId: 1, role: 'secretariat', committeeIds: [] },
  organisationId: null,
};

void describe('offer and tariff pages', () => {
  let t: TestApp;
  let secretariat: Client;
  let aalborg: Client;
  let region: Client;
  const ids: Record<string, number> = {};
  let dasItem = 0;

  before(async () => {
    const clock = fixedClock('2021-09-01T08:00:00Z');
    t = await createTestApp(clock);
    const offers = offerService(t.db, clock);
    const tariffs = tariffService(t.db, clock);
    const org = new Map((await offers.organisations()).map((o) => [o.shortName ?? o.name, o.id]));
    const das = await committeeRepository(t.db).byShortName('DAS');
    const meeting = await t.services.meetings.createMeeting(SECRETARIAT.viewer, {
      committeeId: das?.id ?? 0,
      date: '2021-10-18',
      startTime: null,
      endTime: null,
      place: '',
    });
    dasItem = (await itemRepository(t.db).listByMeeting(meeting.id))[0]?.id ?? 0;
    const create = async (name: string, operator: string, places: number, covered = true) => {
      const id = await offers.create(SECRETARIAT, {
        name,
        operatorId: org.get(operator) ?? 0,
        address: 'Vej 1, 9000 Aalborg',
        targetGroups: ['Voksne med udviklingshæmning'],
        category: 3,
        categoryReason: 'Købes af flere kommuner',
        equivalentAgreement: false,
        portalId: null,
        activeFrom: '2020-01-01',
        activeTo: null,
        sections: [{ section: '108', subsection: '', places }],
      });
      if (covered)
        await offers.addEvent(SECRETARIAT, id, 1, {
          kind: 'entry',
          date: '2020-10-19',
          effectiveYear: 2021,
          note: 'Indmeldt i styringsaftalen',
          itemId: dasItem,
        });
      return id;
    };
    ids.kirketoften = await create('Bostedet Kirketoften', 'Aalborg ÆH', 31);
    ids.aalborgHidden = await create('Skjulte Hus', 'Aalborg', 4, false);
    ids.kvisten = await create('Kvisten', 'Regionen', 8);
    await tariffs.importHistory(SECRETARIAT, 2021, [
      { offerId: ids.kirketoften, service: 'Døgnophold', unit: 'day', amount: 200000 },
      { offerId: ids.kvisten, service: 'Døgnophold', unit: 'day', amount: 300000 },
    ]);
    secretariat = await t.login('secretariat');
    aalborg = await t.login('operator', { organisation: 'Aalborg' });
    region = await t.login('operator', { organisation: 'Regionen' });
  });
  after(() => t.dispose());

  void it('shows the public register of covered offers and the secretariat everything', async () => {
    const pub = await (await t.anonymous.request('/offers')).text();
    assert.match(pub, /Bostedet Kirketoften/);
    assert.doesNotMatch(pub, /Skjulte Hus/);
    assert.doesNotMatch(pub, /Nyt tilbud/);
    const all = await (await secretariat.request('/offers')).text();
    assert.match(all, /Skjulte Hus/);
    assert.match(all, /Nyt tilbud/);
    const filtered = await (await secretariat.request('/offers?covered=false&year=2022')).text();
    assert.match(filtered, /Skjulte Hus/);
    assert.doesNotMatch(filtered, /Kvisten/);
    assert.equal((await t.anonymous.request(`/offers/${ids.aalborgHidden}`)).status, 404);
    assert.equal((await region.request(`/offers/${ids.aalborgHidden}`)).status, 404);
    const detail = await (await t.anonymous.request(`/offers/${ids.kirketoften}`)).text();
    assert.match(detail, new RegExp(`href="/items/${dasItem}"`));
    assert.match(detail, /Indmeldt i styringsaftalen/);
  });

  void it('takes an annual report for an offer and serves it back only as a download', async () => {
    const upload = (who: Client, year: string, content: string) => {
      const form = new FormData();
      form.set('_csrf', who.csrf);
      form.set('year', year);
      form.set('file', new File([content], 'årsrapport.html', { type: 'text/html' }));
      return who.request(`/offers/${ids.kvisten}/annual-reports`, { method: 'POST', body: form });
    };
    const bad = await upload(secretariat, 'sidste år', '<p>Rapport</p>');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Skriv årstallet/);
    assert.equal((await upload(secretariat, '2020', '<script>alert(1)</script>')).status, 303);
    const res = await t.anonymous.request(`/offers/${ids.kvisten}/annual-reports/2020`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/octet-stream');
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment/);
    assert.equal(await res.text(), '<script>alert(1)</script>');
    assert.match(
      await (await t.anonymous.request(`/offers/${ids.kvisten}`)).text(),
      /2020: årsrapport\.html/,
    );
    // Another operator cannot file a report for the region's offer.
    assert.notEqual((await upload(aalborg, '2021', 'x')).status, 303);
  });

  void it('creates an offer through the form, keeping typed values on errors', async () => {
    const bad = await secretariat.form('/offers', {
      name: '',
      operatorId: '',
      address: 'Skolevej 3',
      section: '§ 104',
      subsection: '',
      places: 'mange',
      targetGroups: 'Unge',
      category: '2',
      categoryReason: '',
      portalId: '',
      activeFrom: '',
      activeTo: '',
    });
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /Skriv tilbuddets navn\./);
    assert.match(html, /Skriv antal pladser som et helt tal\./);
    assert.match(html, /value="Skolevej 3"/);
    const ok = await secretariat.form('/offers', {
      name: 'Aktivitetstilbud Kirketoften',
      operatorId: String(ids.kirketoften ? await operatorId('Aalborg') : 0),
      address: 'Skolevej 3',
      section: '§ 104',
      subsection: '',
      places: '12',
      targetGroups: 'Unge',
      category: '2',
      categoryReason: 'Bruges af få kommuner',
      portalId: '',
      activeFrom: '01.01.2021',
      activeTo: '',
    });
    assert.equal(ok.status, 303);
    const page = await (await secretariat.request(ok.headers.get('location') ?? '')).text();
    assert.match(page, /Aktivitetstilbud Kirketoften/);
    assert.match(page, /§ 104/);
  });

  async function operatorId(short: string) {
    const [row] = await t.db.query<{ id: number }>(
      `select id from organisation where short_name = $1`,
      [short],
    );
    return row?.id ?? 0;
  }

  void it('lets the secretariat create and open a round', async () => {
    const bad = await secretariat.form('/tariffs', {
      year: '2022',
      opensAt: '01.09.2021 08:00',
      deadline: '31.08.2021 12:00',
      changeLimit: '10',
      populationPeriod: '2020K1',
    });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Fristen skal ligge efter åbningstidspunktet\./);
    const res = await secretariat.form('/tariffs', {
      year: '2022',
      opensAt: '01.08.2021 08:00',
      deadline: '01.10.2021 12:00',
      changeLimit: '10',
      populationPeriod: '2020K1',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location')?.split('?')[0], '/tariffs/2022');
    const overview = await (await secretariat.request('/tariffs/2022')).text();
    assert.match(overview, /Ikke åbnet/);
    const version = /name="version" value="(\d+)"/.exec(overview)?.[1] ?? '';
    const open = await secretariat.form('/tariffs/2022/status', { version, status: 'open' });
    assert.equal(open.status, 303);
    const after = await (await secretariat.request('/tariffs/2022')).text();
    assert.match(after, /Åben for indberetning/);
    assert.match(after, /Ikke påbegyndt/);
  });

  void it("shows an operator only its own offers and refuses another operator's report", async () => {
    const html = await (await aalborg.request('/tariffs/2022/report')).text();
    assert.match(html, /Bostedet Kirketoften/);
    assert.doesNotMatch(html, /Kvisten/);
    assert.doesNotMatch(html, /Skjulte Hus/);
    // The region saves a report; Aalborg may not read it nor report on the region's offer.
    const saved = await region.form('/tariffs/2022/report', {
      version: '1',
      action: 'save',
      'lines.0.offerId': String(ids.kvisten),
      'lines.0.kind': 'main',
      'lines.0.service': 'Døgnophold',
      'lines.0.unit': 'day',
      'lines.0.amount': '3.100',
    });
    assert.equal(saved.status, 303);
    const [report] = await t.db.query<{ id: number }>(`select id from tariff_report`);
    const other = await aalborg.request(`/tariffs/2022/reports/${report?.id ?? 0}`);
    assert.equal(other.status, 403);
    const steal = await aalborg.form('/tariffs/2022/report', {
      version: '1',
      action: 'save',
      'lines.0.offerId': String(ids.kvisten),
      'lines.0.kind': 'main',
      'lines.0.service': 'Døgnophold',
      'lines.0.unit': 'day',
      'lines.0.amount': '1',
    });
    assert.equal(steal.status, 400);
    assert.match(await steal.text(), /Vælg et af jeres egne tilbud\./);
    assert.equal((await aalborg.request('/tariffs/2022')).status, 303);
    assert.equal((await aalborg.request('/tariffs/2022/appendix/approve')).status, 404);
  });

  void it('needs a reason for a change beyond the limit and keeps the typed amounts', async () => {
    const fields = {
      version: '1',
      action: 'save',
      'lines.0.offerId': String(ids.kirketoften),
      'lines.0.kind': 'main',
      'lines.0.service': 'Døgnophold',
      'lines.0.unit': 'day',
      'lines.0.amount': '2.600,50',
      'lines.0.occupancy': '95,5',
      'lines.0.changeReason': '',
      // a blank row between is skipped, the error keys still point at the typed rows
      'lines.1.offerId': String(ids.kirketoften),
      'lines.1.service': '',
      'lines.2.offerId': String(ids.kirketoften),
      'lines.2.kind': 'supplementary',
      'lines.2.service': 'Særlig støtte',
      'lines.2.unit': 'hour',
      'lines.2.amount': '450',
    };
    const res = await aalborg.form('/tariffs/2022/report', fields);
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /value="2.600,50"/);
    assert.match(html, /value="95,5"/);
    // the error stands in the reason field's own group, beside the field
    assert.match(
      html,
      /<div class="form-group form-error"><label class="form-label" for="lines\.0\.changeReason">[^]*?Taksten ændres mere end 10 % i forhold til sidste år\. Skriv en begrundelse\.[^]*?name="lines\.0\.changeReason"/,
    );
    assert.match(html, /value="Særlig støtte"/);
    const negative = await aalborg.form('/tariffs/2022/report', {
      ...fields,
      'lines.2.amount': '-5',
    });
    assert.equal(negative.status, 400);
    assert.match(
      await negative.text(),
      /for="lines\.2\.amount"[^]*?Beløbet må ikke være negativt\.[^]*?value="-5"/,
    );
    const ok = await aalborg.form('/tariffs/2022/report', {
      ...fields,
      'lines.0.changeReason': 'Ny normering efter tilsyn',
    });
    assert.equal(ok.status, 303);
    const again = await (await aalborg.request('/tariffs/2022/report')).text();
    assert.match(again, /value="2.600,50"/);
    assert.match(again, /Ny normering efter tilsyn/);
  });

  void it('locks a submitted report until the secretariat reopens it', async () => {
    const form = await (await aalborg.request('/tariffs/2022/report')).text();
    const version = /name="version" value="(\d+)"/.exec(form)?.[1] ?? '';
    const submit = await aalborg.form('/tariffs/2022/report', {
      version,
      action: 'submit',
      'lines.0.offerId': String(ids.kirketoften),
      'lines.0.kind': 'main',
      'lines.0.service': 'Døgnophold',
      'lines.0.unit': 'day',
      'lines.0.amount': '2.600,50',
      'lines.0.changeReason': 'Ny normering efter tilsyn',
    });
    assert.equal(submit.status, 303);
    const locked = await (await aalborg.request('/tariffs/2022/report')).text();
    assert.match(locked, /indsendt .* og låst/);
    assert.doesNotMatch(locked, /name="lines\.0\.amount"/);
    assert.match(locked, /2\.600,50 kr\./);
    const later = await aalborg.form('/tariffs/2022/report', {
      version: String(Number(version) + 1),
      action: 'save',
      'lines.0.offerId': String(ids.kirketoften),
      'lines.0.kind': 'main',
      'lines.0.service': 'Døgnophold',
      'lines.0.unit': 'day',
      'lines.0.amount': '1',
      'lines.0.changeReason': 'Fejl',
    });
    assert.equal(later.status, 409);
    const text = await later.text();
    assert.match(text, /indsendt og låst/);
  });

  void it('shows the secretariat the status per operator and the changes to look at', async () => {
    const html = await (await secretariat.request('/tariffs/2022')).text();
    assert.match(html, /data-organisation="Aalborg Kommune"[^]*?Indsendt/);
    assert.match(html, /data-organisation="Region Nordjylland"[^]*?I gang/);
    assert.match(html, /Ny normering efter tilsyn/);
    assert.match(html, /\+30,03 %/);
    assert.match(html, /Mangler[^]*?Region Nordjylland/);
  });

  void it('publishes the appendix: 404 for the public before, the table and XLSX after', async () => {
    assert.equal((await t.anonymous.request('/tariffs/appendix/2022')).status, 404);
    assert.equal((await t.anonymous.request('/tariffs/appendix/2022.xlsx')).status, 404);
    let html = await (await secretariat.request('/tariffs/2022')).text();
    const approve =
      /action="\/tariffs\/reports\/(\d+)\/approve"[^]*?name="version" value="(\d+)"/.exec(html);
    const res = await secretariat.form(`/tariffs/reports/${approve?.[1]}/approve`, {
      version: approve?.[2] ?? '',
    });
    assert.equal(res.status, 303);
    html = await (await secretariat.request('/tariffs/2022')).text();
    assert.match(html, /Godkendt/);
    const roundVersion = () =>
      /action="\/tariffs\/2022\/appendix\/approve"[^]*?name="version" value="(\d+)"/.exec(
        html,
      )?.[1] ?? '';
    const wrong = await secretariat.form('/tariffs/2022/appendix/approve', {
      version: roundVersion(),
      itemId: '',
    });
    assert.equal(wrong.status, 400);
    assert.match(await wrong.text(), /Skriv id på mødepunktet i DAS eller FU/);
    const ok = await secretariat.form('/tariffs/2022/appendix/approve', {
      version: roundVersion(),
      itemId: String(dasItem),
    });
    assert.equal(ok.status, 303);
    html = await (await secretariat.request('/tariffs/2022')).text();
    const publishVersion =
      /action="\/tariffs\/2022\/appendix\/publish"[^]*?name="version" value="(\d+)"/.exec(
        html,
      )?.[1] ?? '';
    assert.equal(
      (await secretariat.form('/tariffs/2022/appendix/publish', { version: publishVersion }))
        .status,
      303,
    );
    const pub = await t.anonymous.request('/tariffs/appendix/2022');
    assert.equal(pub.status, 200);
    const page = await pub.text();
    assert.match(page, /Aalborg Kommune/);
    assert.match(page, /Bostedet Kirketoften/);
    assert.match(page, /2\.600,50 kr\./);
    assert.match(page, /href="\/tariffs\/appendix\/2022\.xlsx"/);
    const xlsx = await t.anonymous.request('/tariffs/appendix/2022.xlsx');
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-disposition') ?? '', /attachment/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const ws = wb.getWorksheet(APPENDIX_SHEET);
    const rows: unknown[][] = [];
    ws?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const line = rows.find((r) => r[1] === 'Bostedet Kirketoften');
    assert.ok(line, 'the offer is in the sheet');
    assert.equal(line[0], 'Aalborg Kommune, Ældre- og Handicapforvaltningen');
    assert.equal(line[5], 31);
    assert.equal(line[7], 2600.5);
    const pdf = await t.anonymous.request('/tariffs/appendix/2022.pdf');
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  });

  void describe("importing a previous year's appendix", () => {
    const importFile = (historyYear: string, name: string, text: string) => {
      const body = new FormData();
      body.set('_csrf', secretariat.csrf);
      body.set('historyYear', historyYear);
      body.set('file', new File([new TextEncoder().encode(text)], name));
      return secretariat.request('/tariffs/2022/history-import', { method: 'POST', body });
    };
    const history = (year: number) => tariffRepository(t.db).history(year);
    const HEADER =
      'Driftsherre;Tilbud;Ydelse;Målgruppe;Lovgrundlag;Pladser;Takst forrige år;Takst;Ændring %\n';

    void it('offers the form to the secretariat only', async () => {
      const html = await (await secretariat.request('/tariffs/2022')).text();
      assert.match(html, /Importér et tidligere års takstbilag \(XLSX eller CSV\)/);
      assert.match(html, /action="\/tariffs\/2022\/history-import"/);
      assert.match(html, /name="historyYear"[^>]*value="2021"|value="2021"[^>]*name="historyYear"/);
    });

    void it('stores a good CSV and says how many tariffs it read', async () => {
      const res = await importFile(
        '2020',
        'takstbilag-2020.csv',
        HEADER +
          'Aalborg Kommune, Ældre- og Handicapforvaltningen;Bostedet Kirketoften;Døgnophold (døgn);;;31;;"2.450,75";\n' +
          'I alt Aalborg Kommune, Ældre- og Handicapforvaltningen;;;;;31;;;\n' +
          'Region Nordjylland;Kvisten;Døgnophold (døgn);;;8;;3.100;\n',
      );
      assert.equal(res.status, 303);
      assert.match(
        decodeURIComponent(res.headers.get('location') ?? ''),
        /Takstbilaget for 2020 er importeret: 2 takster for 2 tilbud\./,
      );
      const rows = await history(2020);
      assert.deepEqual(
        rows
          .map((r) => [r.offerId, r.service, r.unit, r.amount])
          .sort((a, b) => Number(a[0]) - Number(b[0])),
        [
          [ids.kirketoften, 'Døgnophold', 'day', 245075],
          [ids.kvisten, 'Døgnophold', 'day', 310000],
        ].sort((a, b) => Number(a[0]) - Number(b[0])),
      );
    });

    void it('lists the rows it cannot read with their row numbers and stores nothing', async () => {
      const res = await importFile(
        '2019',
        'takstbilag-2019.csv',
        HEADER +
          'Region Nordjylland;Kvisten;Døgnophold (døgn);;;8;;3.100;\n' +
          'Aalborg Kommune, Ældre- og Handicapforvaltningen;Bostedet Kirketoften;Døgnophold (døgn);;;31;;12,99,5;\n',
      );
      assert.equal(res.status, 400);
      const html = await res.text();
      assert.match(html, /intet er gemt/);
      assert.match(
        html,
        /Række 3: Taksten &quot;12,99,5&quot; er ikke et beløb; skriv fx 12\.995,50\./,
      );
      assert.deepEqual(await history(2019), []);
      const badYear = await importFile('19', 'x.csv', HEADER);
      assert.equal(badYear.status, 400);
      assert.match(await badYear.text(), /Skriv året som fire cifre/);
    });
  });
});
