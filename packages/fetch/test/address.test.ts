import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../src/index';

describe('isPrivateAddress', () => {
  it.each([
    ['0.0.0.0', 'this network'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback /8'],
    ['10.0.0.1', 'RFC 1918 10/8'],
    ['10.255.255.255', 'RFC 1918 10/8, last'],
    ['172.16.0.1', 'RFC 1918 172.16/12, first'],
    ['172.31.255.255', 'RFC 1918 172.16/12, last'],
    ['192.168.1.1', 'RFC 1918 192.168/16'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT, last'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.0.1', 'link-local'],
    ['192.0.0.8', 'IETF protocol assignments'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'IPv6 unspecified'],
    ['::1', 'IPv6 loopback'],
    ['0:0:0:0:0:0:0:1', 'IPv6 loopback, uncompressed'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback, dotted'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback as a URL prints it'],
    ['0:0:0:0:0:ffff:7f00:0001', 'IPv4-mapped loopback, uncompressed'],
    ['::ffff:10.1.2.3', 'IPv4-mapped RFC 1918'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped metadata address'],
    ['::FFFF:192.168.0.1', 'IPv4-mapped, upper case'],
    ['fc00::1', 'unique local fc00::/7'],
    ['fd12:3456:789a::1', 'unique local fd'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local with zone'],
    ['febf::1', 'link-local, last /10'],
    ['ff02::1', 'multicast'],
    ['localhost', 'a name, not an address: fail closed'],
    ['', 'empty: fail closed'],
    ['127.0.0.1.nip.io', 'a name: fail closed'],
  ])('%s is refused (%s)', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    ['8.8.8.8'],
    ['1.1.1.1'],
    ['93.184.216.34'],
    ['11.0.0.1'],
    ['126.255.255.255'],
    ['128.0.0.1'],
    ['172.15.255.255'],
    ['172.32.0.1'],
    ['100.63.255.255'],
    ['100.128.0.1'],
    ['169.253.255.255'],
    ['169.255.0.1'],
    ['192.167.255.255'],
    ['192.169.0.1'],
    ['223.255.255.255'],
    ['2606:4700:4700::1111'],
    ['2001:4860:4860::8888'],
    ['2a00:1450:4001:82b::200e'],
    ['::ffff:8.8.8.8'],
    ['::ffff:808:808'],
    ['fec0::1'],
  ])('%s is public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});
