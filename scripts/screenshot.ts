// Takes screenshots of pages as a user sees them: node --import tsx scripts/screenshot.ts URL OUT.png [email password]
import { launchBrowser } from '../test/support/browser.ts';

const [url, out, email, password] = process.argv.slice(2);
if (!url || !out) throw new Error('Brug: screenshot.ts URL OUT.png [email adgangskode]');
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
if (email && password) {
  await page.goto(new URL('/login', url).toString());
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
}
await page.goto(url);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
