/**
 * Security headers on every response, static files and errors included. The content security
 * policy allows scripts, styles, images and fonts from our own origin only: no inline script, no
 * inline style, no eval (the pages are server-rendered and need none; a test keeps them so), and
 * no framing. HSTS only when we are served over HTTPS (SECURE_COOKIES=1): over plain HTTP the
 * header would be ignored, and on localhost it would pin the developer's browser to HTTPS.
 */
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../../config.ts';

export function securityHeaders(config: Pick<Config, 'secureCookies'>) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    xContentTypeOptions: 'nosniff',
    strictTransportSecurity: config.secureCookies ? 'max-age=31536000; includeSubDomains' : false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}
