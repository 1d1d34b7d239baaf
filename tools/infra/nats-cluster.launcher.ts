import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBinary } from './binary-resolve.service';
import { getFreePort } from './free-port.util';
import type { LogFn, ManagedNatsServer } from './infra.types';
import { stderrLog } from './log.util';
import { ManagedServerProcess, type ManagedServerConfig, isPortConflict } from './managed-server.service';
import { probeNats, renderNatsConfig } from './nats-server.launcher';
import { NATS_SERVER } from './pinned-binaries.constants';
import { findRepoRoot } from './repo-root.util';
import { forgetDir, trackDir } from './process-cleanup.util';
import { START_ATTEMPTS, type StartServerOptions } from './server-options.types';
import { waitUntilReady } from './wait-ready.util';
import { createNamespacedNetwork, type NamespacedNetwork } from './network-namespace.util';

/** One server of a cluster: a ManagedNatsServer that knows its server_name (what JetStream calls its leaders). */
export interface ManagedNatsClusterNode extends ManagedNatsServer {
  readonly serverName: string;
}

export interface ManagedNatsCluster {
  /** The cluster's name (cluster { name }), shared by every node. */
  readonly name: string;
  readonly nodes: readonly ManagedNatsClusterNode[];
  /** Every node's client URL, comma separated: what NATS_URL takes. */
  readonly url: string;
  readonly urls: readonly string[];
  node(serverName: string): ManagedNatsClusterNode;
  /** The server_name of the JetStream meta leader, as a running node's /jsz reports it; undefined while there is none. */
  metaLeader(): Promise<string | undefined>;
  /** Waits until the cluster has a meta leader (and so can create and elect streams); returns its name. */
  waitForMetaLeader(timeoutMs?: number): Promise<string>;
  /**
   * With network 'namespaces': pulls a node's cable (its link to the others and to every client goes down; the
   * process runs on). Throws on loopback, where there is no cable to pull.
   */
  cut(serverName: string): void;
  heal(serverName: string): void;
  /** Stops every node and removes the cluster's temporary folder (and its namespaces). */
  dispose(): Promise<void>;
}

export interface StartNatsClusterOptions extends Omit<StartServerOptions, 'preferredPort'> {
  /** Servers in the cluster; default 3 (what a JetStream R3 stream needs to lose one and keep its quorum). */
  size?: number;
  /** cluster { name }; default baoxun-test-cluster. */
  name?: string;
  /**
   * 'loopback' (default): every node on 127.0.0.1 with ports from the OS. 'namespaces': each node in a network
   * namespace of its own on a private bridge (root only; see network-namespace.util.ts), so cut() can isolate one;
   * the nodes then ping clients and routes every 5 s (pingInterval) so that a cut peer is noticed in ~10 s.
   */
  network?: 'loopback' | 'namespaces';
  /** ping_interval of every node; default nats-server's (2m) on loopback, 5s with namespaces. */
  pingInterval?: string;
}

class NatsClusterNode extends ManagedServerProcess implements ManagedNatsClusterNode {
  constructor(
    config: ManagedServerConfig,
    readonly monitorUrl: string,
    readonly serverName: string,
  ) {
    super(config);
  }
}

interface JszMeta {
  meta_cluster?: { leader?: string; cluster_size?: number; replicas?: Array<{ name: string; current: boolean; offline?: boolean }> };
}

async function readMeta(monitorUrl: string): Promise<JszMeta['meta_cluster'] | undefined> {
  const response = await fetch(`${monitorUrl}/jsz`, { signal: AbortSignal.timeout(2_000) });
  if (!response.ok) return undefined;
  return ((await response.json()) as JszMeta).meta_cluster;
}

/**
 * A node is ready when /healthz says so (in a cluster: it has a meta leader and, after a restart, its streams and
 * consumers have caught up with their leaders) and a client gets JetStream account info through it.
 */
async function probeClusterNode(url: string, monitorUrl: string): Promise<void> {
  const health = await fetch(`${monitorUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
  if (!health.ok) throw new Error(`/healthz: HTTP ${health.status} ${(await health.text()).slice(0, 200)}`);
  await probeNats(url);
}

/**
 * Starts a JetStream cluster of nats-server v2.15.2 processes on loopback (default three; or each in a network
 * namespace of its own, opts.network): one temporary folder
 * with a config and a JetStream store per node, distinct server_names (baoxun-n1, -n2, …), client, cluster and
 * monitor ports from the OS, routes between all of them. Resolves once every node is healthy and the cluster has
 * a meta leader. Each node's stop()/start() and kill9()/start() bring it back on its ports with its store.
 */
export async function startNatsCluster(opts: StartNatsClusterOptions = {}): Promise<ManagedNatsCluster> {
  const log: LogFn = opts.log ?? stderrLog;
  const size = opts.size ?? 3;
  const name = opts.name ?? 'baoxun-test-cluster';
  const readyTimeoutMs = opts.readyTimeoutMs ?? 60_000;
  const bin = await ensureBinary(NATS_SERVER, { root: opts.root ?? findRepoRoot(), log });
  const namespaced = opts.network === 'namespaces';
  const pingInterval = opts.pingInterval ?? (namespaced ? '5s' : undefined);
  for (let attempt = 1; ; attempt++) {
    const tmpDir = mkdtempSync(join(tmpdir(), 'baoxun-nats-cluster-'));
    trackDir(tmpDir);
    let network: NamespacedNetwork | undefined;
    let hosts: string[];
    let clientPorts: number[], clusterPorts: number[], monitorPorts: number[];
    if (namespaced) {
      // A namespace has ports of its own: the standard ones, on each node's bridge address.
      network = createNamespacedNetwork(size);
      hosts = network.hosts.map((host) => host.address);
      [clientPorts, clusterPorts, monitorPorts] = [4222, 6222, 8222].map((port) => hosts.map(() => port));
    } else {
      hosts = Array.from({ length: size }, () => '127.0.0.1');
      const ports = new Set<number>();
      while (ports.size < size * 3) ports.add(await getFreePort());
      [clientPorts, clusterPorts, monitorPorts] = [0, 1, 2].map((kind) => [...ports].slice(kind * size, (kind + 1) * size));
    }
    const routes = clusterPorts.map((port, index) => `nats-route://${hosts[index]}:${port}`);
    const nodes = clientPorts.map((port, index) => {
      const serverName = `baoxun-n${index + 1}`;
      const nodeDir = join(tmpDir, serverName);
      mkdirSync(nodeDir);
      const storeDir = join(nodeDir, 'store');
      const configPath = join(nodeDir, 'nats-server.conf');
      writeFileSync(configPath, renderNatsConfig({ port, monitorPort: monitorPorts[index], storeDir, serverName, host: hosts[index], pingInterval, cluster: { name, port: clusterPorts[index], routes } }));
      const url = `nats://${hosts[index]}:${port}`;
      const monitorUrl = `http://${hosts[index]}:${monitorPorts[index]}`;
      // `ip netns exec` enters the namespace and execs nats-server: the pid (and so kill9()) is the server's.
      const command = network ? { bin: 'ip', args: ['netns', 'exec', network.hosts[index].namespace, bin, '-c', configPath] } : { bin, args: ['-c', configPath] };
      return new NatsClusterNode(
        {
          name: `nats-server v${NATS_SERVER.version} ${serverName}`,
          ...command,
          url,
          port,
          dataDir: storeDir,
          tmpDir: nodeDir,
          // The cluster's folder is removed as a whole by dispose(); a node's stop() keeps its store.
          keepDir: true,
          probe: () => probeClusterNode(url, monitorUrl),
          readyTimeoutMs,
          log,
        },
        monitorUrl,
        serverName,
      );
    });
    const dispose = async () => {
      await Promise.all(nodes.map((node) => node.stop()));
      network?.dispose();
      rmSync(tmpDir, { recursive: true, force: true });
      forgetDir(tmpDir);
    };
    // All at once: no node can be healthy before a quorum of them has elected a meta leader.
    const started = await Promise.allSettled(nodes.map((node) => node.start()));
    const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) {
      const retry = !namespaced && attempt < START_ATTEMPTS && nodes.some((node) => isPortConflict(node.logTail()));
      await dispose();
      if (!retry) throw failed.reason;
      log('a nats-server of the cluster lost its port to another process; retrying on new ports');
      continue;
    }
    const metaLeader = async () => {
      for (const node of nodes.filter((one) => one.running)) {
        const leader = await readMeta(node.monitorUrl).then((meta) => meta?.leader, () => undefined);
        if (leader) return leader;
      }
      return undefined;
    };
    const indexOf = (serverName: string) => {
      const index = nodes.findIndex((node) => node.serverName === serverName);
      if (index < 0) throw new Error(`no node ${serverName} in cluster ${name} (${nodes.map((node) => node.serverName).join(', ')})`);
      return index;
    };
    const linkOf = (serverName: string) => {
      if (!network) throw new Error(`cluster ${name} runs on loopback: start it with network: 'namespaces' to cut a node off`);
      return { network, index: indexOf(serverName) };
    };
    const cluster: ManagedNatsCluster = {
      name,
      nodes,
      urls: nodes.map((node) => node.url),
      url: nodes.map((node) => node.url).join(','),
      node: (serverName) => nodes[indexOf(serverName)],
      cut: (serverName) => {
        const { network: net, index } = linkOf(serverName);
        net.cut(index);
      },
      heal: (serverName) => {
        const { network: net, index } = linkOf(serverName);
        net.heal(index);
      },
      metaLeader,
      waitForMetaLeader: async (timeoutMs = readyTimeoutMs) => {
        let leader: string | undefined;
        await waitUntilReady({
          name: `JetStream meta leader of ${name}`,
          url: cluster.urls[0],
          timeoutMs,
          intervalMs: 250,
          probe: async () => {
            leader = await metaLeader();
            if (!leader) throw new Error('no meta leader yet');
          },
        });
        return leader as string;
      },
      dispose,
    };
    try {
      const leader = await cluster.waitForMetaLeader();
      log(`NATS cluster ${name}: ${size} nodes on ${cluster.url}${network ? ` (a network namespace each, bridge ${network.bridge})` : ''}, meta leader ${leader}`);
    } catch (error) {
      await dispose();
      throw error;
    }
    return cluster;
  }
}
