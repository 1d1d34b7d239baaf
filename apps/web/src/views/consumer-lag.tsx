import type { ApiClient } from '@baoxun/api-client/api-client';

/** Consumer lag per stage: filled in below once the api has a route for it. */
export function ConsumerLag(_props: { client: ApiClient }) {
  return null;
}
