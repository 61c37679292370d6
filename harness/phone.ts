/** The phone the outage screens are made for: 375 × 812 CSS px, touch, a mobile viewport. */
export const PHONE = {
  viewport: { width: 375, height: 812 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
} as const;
export const PHONE_WIDTH = PHONE.viewport.width;
