// Listen addresses as Substrate picks them: --listen-addr if given, else
// TCP on --port for IPv4 and IPv6 (all interfaces).
export function defaultListenAddrs(port: number): string[] {
  return [`/ip4/0.0.0.0/tcp/${port}`, `/ip6/::/tcp/${port}`];
}
