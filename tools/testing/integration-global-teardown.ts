import stopServers from '../infra/jest-global-teardown';

export default async function integrationGlobalTeardown(): Promise<void> {
  await stopServers();
}
