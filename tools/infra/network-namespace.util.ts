import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** One server's network: its own namespace, joined to the host by a veth pair on a bridge. */
export interface NamespacedHost {
  readonly namespace: string;
  /** Its address on the bridge (the host reaches it there; so do the other namespaces). */
  readonly address: string;
  /** The host's end of its veth pair: down is a cut cable. */
  readonly hostLink: string;
}

/**
 * A private network of namespaces for a cluster's servers, so one of them can be cut off (its cable pulled:
 * packets vanish, no connection is refused or reset) and joined again. Needs root and iproute2's `ip`.
 */
export interface NamespacedNetwork {
  readonly bridge: string;
  readonly bridgeAddress: string;
  readonly hosts: readonly NamespacedHost[];
  /** Takes the host's end of the server's link down: nothing reaches it, nothing leaves it. */
  cut(index: number): void;
  heal(index: number): void;
  /** Removes the namespaces, links and bridge (also done at process exit if forgotten). */
  dispose(): void;
}

const ip = (...args: string[]): string => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

/** Whether this process may make network namespaces (root with iproute2); the reason when not. */
export function namespacesUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root (network namespaces need CAP_NET_ADMIN)';
  const probe = `bx-probe-${randomBytes(3).toString('hex')}`;
  try {
    ip('netns', 'add', probe);
    ip('netns', 'del', probe);
    return undefined;
  } catch (error) {
    return `ip netns add failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

/** Makes `size` namespaces on a fresh bridge in a random 10.231.X.0/24 (the host is .1, server k is .1k). */
export function createNamespacedNetwork(size: number): NamespacedNetwork {
  const id = randomBytes(2).toString('hex');
  const subnet = `10.231.${randomBytes(1)[0]}`;
  const bridge = `bxbr${id}`;
  const bridgeAddress = `${subnet}.1`;
  const hosts: NamespacedHost[] = [];
  const made: Array<() => void> = [];
  const undo = () => {
    for (const step of made.splice(0).reverse()) {
      try {
        step();
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', undo);
  try {
    ip('link', 'add', bridge, 'type', 'bridge');
    made.push(() => ip('link', 'del', bridge));
    ip('addr', 'add', `${bridgeAddress}/24`, 'dev', bridge);
    ip('link', 'set', bridge, 'up');
    for (let index = 0; index < size; index++) {
      const namespace = `bx-${id}-n${index + 1}`;
      const hostLink = `bxh${id}${index + 1}`;
      const peerLink = `bxp${id}${index + 1}`;
      const address = `${subnet}.${11 + index}`;
      ip('netns', 'add', namespace);
      made.push(() => ip('netns', 'del', namespace));
      ip('link', 'add', hostLink, 'type', 'veth', 'peer', 'name', peerLink);
      made.push(() => ip('link', 'del', hostLink));
      ip('link', 'set', peerLink, 'netns', namespace);
      ip('link', 'set', hostLink, 'master', bridge);
      ip('link', 'set', hostLink, 'up');
      ip('-n', namespace, 'addr', 'add', `${address}/24`, 'dev', peerLink);
      ip('-n', namespace, 'link', 'set', peerLink, 'up');
      ip('-n', namespace, 'link', 'set', 'lo', 'up');
      hosts.push({ namespace, address, hostLink });
    }
  } catch (error) {
    undo();
    throw error;
  }
  return {
    bridge,
    bridgeAddress,
    hosts,
    cut: (index) => void ip('link', 'set', hosts[index].hostLink, 'down'),
    heal: (index) => void ip('link', 'set', hosts[index].hostLink, 'up'),
    dispose: () => {
      undo();
      process.removeListener('exit', undo);
    },
  };
}
