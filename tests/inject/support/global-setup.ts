import { buildBundle } from './bundle';

export default async function setup(): Promise<void> {
  await buildBundle();
}
