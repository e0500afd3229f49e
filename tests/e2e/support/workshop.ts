/** Helpers for driving the workshop's exercise page. */
import type { Page } from 'playwright-core';

/** Waits until the exercise page's editor has mounted. */
export const exerciseReady = (page: Page) =>
  page.waitForSelector('gml-exercise[data-ready] .cm-editor');
