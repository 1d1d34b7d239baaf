import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { articleParsed, pageReceived, streams } from '@baoxun/shared/contracts/subjects.registry';
import { connectNats } from '@baoxun/shared/transport/nats-connection';
import { ensureStreams } from '@baoxun/shared/transport/jetstream-topology';
import { JetStreamServer } from '@baoxun/shared/transport/jetstream.server';
import { ensureBinary } from '../infra/binary-resolve.service';
import { NATS_SERVER } from '../infra/pinned-binaries.constants';
import { findRepoRoot } from '../infra/repo-root.util';
import { runCommand } from '../infra/run-command.util';
import { type DeployCheckReport, ensureDeployCheck, EXTERNAL_SECRETS, type K8sObject, runDeployCheck } from './deploy-check.binary';
import { checkDeployConfig, durableName } from './deploy-config.checks';

// A cold machine builds the checker with Go (Kubernetes and KEDA types, 3-5 min on two cores); after that it is cached in .cache/bin.
jest.setTimeout(600_000);

const root = findRepoRoot();
const OVERLAYS = ['deploy/overlays/dev', 'deploy/overlays/production'];

/** Offline validation of deploy/ (issue 15): rendered with kustomize, decoded strictly into the Kubernetes and KEDA Go types. */
describe('deploy/ (Kubernetes manifests)', () => {
  let binary: string;
  let report: DeployCheckReport;
  const rendered = (overlay: string): K8sObject[] => report.overlays.find((entry) => entry.path === overlay)?.rendered ?? [];
  const find = (objects: K8sObject[], kind: string, name: string) => objects.find((object) => object.kind === kind && object.metadata.name === name);

  beforeAll(async () => {
    binary = await ensureDeployCheck(root, (line) => process.stderr.write(`[deploy-check] ${line}\n`));
    const result = await runDeployCheck(binary, OVERLAYS, { cwd: root });
    if (!result.report) throw new Error(`deploy-check wrote no report (exit ${result.code}): ${result.stderr}`);
    report = result.report;
  });

  it('renders every overlay offline and every object decodes strictly and passes the structural checks', () => {
    for (const overlay of report.overlays) {
      expect({ overlay: overlay.path, errors: overlay.errors }).toEqual({ overlay: overlay.path, errors: [] });
      expect(overlay.kinds).toMatchObject({
        'apps/v1/Deployment': 4,
        'apps/v1/StatefulSet': 1,
        'keda.sh/v1alpha1/ScaledObject': 2,
        'autoscaling/v2/HorizontalPodAutoscaler': 1,
        'policy/v1/PodDisruptionBudget': 5,
      });
      expect(overlay.kinds['networking.k8s.io/v1/NetworkPolicy']).toBeGreaterThanOrEqual(5);
      expect(overlay.objects).toBe(overlay.rendered.length);
    }
    expect(report.errors).toBe(0);
  });

  it("holds each overlay to the services' config schemas, durable consumers and drain time", () => {
    for (const overlay of OVERLAYS) expect({ overlay, problems: checkDeployConfig(rendered(overlay)) }).toEqual({ overlay, problems: [] });
  });

  it('runs three NATS servers and three stream replicas in production, one in dev', () => {
    const replicas = (overlay: string) => (find(rendered(overlay), 'StatefulSet', 'nats')?.spec as { replicas: number }).replicas;
    const sharedConfig = (overlay: string) => rendered(overlay).find((object) => object.kind === 'ConfigMap' && object.metadata.name.startsWith('baoxun-config-'))?.data as Record<string, string>;
    expect(replicas('deploy/overlays/production')).toBe(3);
    expect(sharedConfig('deploy/overlays/production')).toMatchObject({ STREAM_REPLICAS: '3' });
    expect(sharedConfig('deploy/overlays/production').NATS_URL.split(',')).toHaveLength(3);
    expect(replicas('deploy/overlays/dev')).toBe(1);
    expect(sharedConfig('deploy/overlays/dev')).toMatchObject({ STREAM_REPLICAS: '1' });
    // production renders no Secret: real ones are created in the cluster
    expect(rendered('deploy/overlays/production').filter((object) => object.kind === 'Secret')).toEqual([]);
  });

  it("starts NATS with a config and flags the pinned nats-server accepts (nats-server -t), and it would refuse a typo", async () => {
    const natsServer = await ensureBinary(NATS_SERVER, { root, log: (line) => process.stderr.write(`[deploy-check] ${line}\n`) });
    const dir = mkdtempSync(join(tmpdir(), 'deploy-check-nats-'));
    try {
      const test = async (config: string, args: string[], containerEnv: Array<{ name: string; value?: string; valueFrom?: unknown }>) => {
        writeFileSync(join(dir, 'nats.conf'), config);
        // $(VAR)s filled in as the kubelet would: the pod name, placeholders for Secret values, literals expanded in order
        const env: Record<string, string> = {};
        const expand = (text: string) => text.replace(/\$\((\w+)\)/g, (_, name: string) => (name === 'POD_NAME' ? 'nats-0' : (env[name] ?? 'placeholder')));
        for (const variable of containerEnv) env[variable.name] = variable.valueFrom ? (variable.name === 'POD_NAME' ? 'nats-0' : 'placeholder') : expand(variable.value ?? '');
        // the StatefulSet's arguments and environment (nats.conf's $NATS_USER etc.), with the config at its temporary place
        const argv = args.map((arg) => (arg === '/etc/nats/nats.conf' ? join(dir, 'nats.conf') : expand(arg)));
        return runCommand(natsServer, [...argv, '-t'], { timeoutMs: 15_000, env: { PATH: process.env.PATH, ...env } });
      };
      for (const overlay of OVERLAYS) {
        const objects = rendered(overlay);
        const statefulSet = find(objects, 'StatefulSet', 'nats')?.spec as { template: { spec: { containers: Array<{ args: string[]; env: Array<{ name: string; value?: string; valueFrom?: unknown }> }>; volumes: Array<{ name: string; configMap?: { name: string } }> } } };
        const configMap = statefulSet.template.spec.volumes.find((volume) => volume.name === 'config')?.configMap?.name ?? '';
        const config = (find(objects, 'ConfigMap', configMap)?.data as Record<string, string>)['nats.conf'];
        const { args, env } = statefulSet.template.spec.containers[0];
        // credentials reach the server through nats.conf's environment variables, never its command line
        expect(args.join(' ')).not.toMatch(/--user|--pass|NATS_PASSWORD/);
        expect(config).toMatch(/authorization\s*\{\s*user:\s*\$NATS_USER\s+password:\s*\$NATS_PASSWORD\s*\}/);
        const result = await test(config, args, env);
        expect({ overlay, code: result.code, output: result.output.trim() }).toMatchObject({ overlay, code: 0 });
        const typo = await test(config.replace('max_file_store', 'max_file_stor'), args, env);
        expect(typo.code).not.toBe(0);
        expect(typo.output).toContain('unknown field "max_file_stor"');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents how to create each Secret production expects', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const name of EXTERNAL_SECRETS) expect(readme).toContain(`kubectl -n baoxun create secret generic ${name}`);
  });

  it('rejects a misspelt field, an unknown KEDA setting and a remote base', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'deploy-check-'));
    try {
      cpSync(join(root, 'deploy'), copy, { recursive: true });
      const edit = (file: string, find: string, replace: string) => {
        const path = join(copy, file);
        const text = readFileSync(path, 'utf8');
        expect(text).toContain(find);
        writeFileSync(path, text.replace(find, replace));
      };
      edit('base/services/ingest.yaml', '\n  replicas: 1\n', '\n  replicass: 1\n');
      edit('base/autoscaling.yaml', 'maxReplicaCount: 6', 'maxReplicasCount: 6');
      edit('base/autoscaling.yaml', 'lagThreshold: "1000"', 'lagTreshold: "1000"');
      edit('base/services/api.yaml', 'readOnlyRootFilesystem: true', 'readOnlyRootFileSystem: true');
      mkdirSync(join(copy, 'overlays', 'remote'));
      writeFileSync(join(copy, 'overlays', 'remote', 'kustomization.yaml'), 'resources:\n  - https://github.com/example/baoxun//deploy/base?ref=v1\n');

      const result = await runDeployCheck(binary, ['overlays/production', 'overlays/remote'], { cwd: copy });
      expect(result.code).toBe(1);
      const [production, remote] = result.report?.overlays ?? [];
      const errors = production.errors.join('\n');
      expect(errors).toContain('apps/v1/Deployment ingest: unknown field "spec.replicass"');
      expect(errors).toContain('keda.sh/v1alpha1/ScaledObject parser: unknown field "spec.maxReplicasCount"');
      expect(errors).toContain('ScaledObject enricher trigger 0 (nats-jetstream): metadata "lagTreshold" is not a nats-jetstream setting');
      expect(errors).toContain('apps/v1/Deployment api: unknown field "spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem"');
      expect(remote.errors.join('\n')).toContain('is remote; the deployment must render offline');
      expect(result.stderr).toContain('spec.replicass');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('catches settings the services do not know or would reject, a wrong consumer and a drain longer than the grace period', () => {
    const objects = structuredClone(rendered('deploy/overlays/production'));
    const shared = objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name.startsWith('baoxun-config-')) as K8sObject & { data: Record<string, string> };
    shared.data.MAX_INFLIGHT = '32';
    shared.data.SHUTDOWN_GRACE_MS = '60000';
    const scaled = find(objects, 'ScaledObject', 'parser') as K8sObject & { spec: { triggers: Array<{ metadata: Record<string, string> }> } };
    scaled.spec.triggers[0].metadata.consumer = 'parser-pages';
    const api = find(objects, 'ConfigMap', objects.find((object) => object.metadata.name.startsWith('baoxun-api-config-'))?.metadata.name ?? '') as K8sObject & { data: Record<string, string> };
    api.data.RATE_LIMIT_PER_MINUTE = 'lots';
    const ingest = find(objects, 'Deployment', 'ingest') as K8sObject & { spec: { template: { spec: { containers: Array<{ livenessProbe: { httpGet: { path: string } } }> } } } };
    ingest.spec.template.spec.containers[0].livenessProbe.httpGet.path = '/health';
    const nats = find(objects, 'StatefulSet', 'nats') as K8sObject & { spec: { template: { spec: { containers: Array<{ env: Array<{ name: string; value?: string }> }> } } } };
    const route = nats.spec.template.spec.containers[0].env.find((variable) => variable.name === 'NATS_ROUTE_2');
    if (route) route.value = 'nats://$(NATS_USER):$(NATS_PASSWORD)@nats-3.nats-headless:6222';

    const problems = checkDeployConfig(objects).join('\n');
    expect(problems).toContain('Deployment parser: sets MAX_INFLIGHT, which the parser config schema (libs/shared/src/config) does not know');
    expect(problems).toContain('Deployment enricher: terminationGracePeriodSeconds 30 is shorter than the drain');
    expect(problems).toContain('ScaledObject parser: scales on BAOXUN_PAGES/parser-pages, but parser consumes pages.received as BAOXUN_PAGES/parser-pages-received');
    expect(problems).toContain('Deployment api: its environment fails the api config schema: RATE_LIMIT_PER_MINUTE: must be a number');
    expect(problems).toContain('Deployment ingest: the liveness probe does not ask /health/live');
    expect(problems).toContain('StatefulSet nats: nats.conf has no route to nats-2');
  });

  it('names the durable consumers as the transport creates them (what the ScaledObjects scale on)', async () => {
    if (!process.env.NATS_URL) throw new Error('NATS_URL is not set (run with jest.integration.config.js)');
    const connection = await connectNats({ NATS_URL: process.env.NATS_URL }, 'deploy-check-test');
    // A stage of its own, so the real parser's and enricher's consumers on the shared test broker are left alone.
    const stage = `deploycheck${randomBytes(4).toString('hex')}`;
    const server = new JetStreamServer(connection, { stage, maxInFlight: 1, maxDeliver: 1, ackWaitMs: 30_000, shutdownGraceMs: 0 });
    const jsm = await connection.jetstreamManager();
    try {
      await ensureStreams(jsm); // as every service does at start (the broker may be fresh)
      for (const subject of [pageReceived, articleParsed]) server.addHandler(subject.subject, async () => undefined, true);
      await new Promise<void>((resolve, reject) => server.listen((error?: unknown) => (error ? reject(error) : resolve())));
      for (const subject of [pageReceived, articleParsed]) {
        const info = await jsm.consumers.info(streams[subject.stream].name, durableName(stage, subject.subject));
        expect(info.config.filter_subject).toBe(subject.subject);
      }
    } finally {
      await server.close();
      for (const subject of [pageReceived, articleParsed]) await jsm.consumers.delete(streams[subject.stream].name, durableName(stage, subject.subject)).catch(() => undefined);
      await connection.drain();
    }
  });
});
