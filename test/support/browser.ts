/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser).
 *
 * Every page opened through it is watched for Content-Security-Policy violations: a page script
 * or style the policy blocks is a broken page, even if the test's assertions happen to pass. The
 * violations are printed when the browser closes and fail the test file (exit code 1). A test
 * that provokes a violation on purpose marks its context with `allowCspViolations`.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const allowed = new WeakSet<BrowserContext>();

/** This context provokes CSP violations on purpose; they do not fail the test file. */
export function allowCspViolations(context: BrowserContext) {
  allowed.add(context);
}

function watch(page: Page, violations: string[]) {
  page.on('console', (message) => {
    if (!allowed.has(page.context()) && /Content Security Policy/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const violations: string[] = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('page', (page) => watch(page, violations));
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    watch(page, violations);
    return page;
  };
  const close = browser.close.bind(browser);
  browser.close = async (options) => {
    await close(options);
    if (violations.length > 0) {
      console.error(`Content-Security-Policy violations:\n${violations.join('\n')}`);
      process.exitCode = 1;
    }
  };
  return browser;
}
