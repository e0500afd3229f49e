import dgram from 'node:dgram';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../src/service.ts';
import {
  expectServiceRecovered,
  runMain,
  startHostileService,
} from '../../support/hostile-service.ts';
import { reportLines, resultOf } from '../../support/program-report.ts';

const UID = 10071;
const ABSTRACT = `gml-hostile-${process.pid}`;
let service: Service;
let tcp: net.Server;
let unix: net.Server;
let udp: dgram.Socket;
/** Everything that reached the host's listeners from any job. */
const reached: string[] = [];

beforeAll(async () => {
  service = await startHostileService(UID);
  // Real listeners on the host: if a job can reach them, it is not in its own network.
  tcp = net.createServer((s) => {
    reached.push('tcp');
    s.destroy();
  });
  await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
  unix = net.createServer((s) => {
    reached.push('abstract');
    s.destroy();
  });
  await new Promise<void>((r) => unix.listen(`\0${ABSTRACT}`, r));
  udp = dgram.createSocket('udp4');
  udp.on('message', () => reached.push('udp'));
  await new Promise<void>((r) => udp.bind(0, '127.0.0.1', r));
});
afterAll(async () => {
  await service.close();
  tcp.close();
  unix.close();
  udp.close();
});
afterEach(async () => {
  await expectServiceRecovered(service, UID);
});

const port = (s: net.Server): number => (s.address() as net.AddressInfo).port;

describe('hostile programs: network', () => {
  it("cannot reach the host's loopback listeners over TCP, UDP or an abstract unix socket", async () => {
    const udpPort = udp.address().port;
    const r = await runMain(
      service,
      `package main

import (
	"fmt"
	"net"
	"time"
)

func main() {
	c, err := net.DialTimeout("tcp", "127.0.0.1:${port(tcp)}", time.Second)
	fmt.Println("tcp:", err)
	if c != nil {
		c.Close()
	}
	u, err := net.Dial("udp", "127.0.0.1:${udpPort}")
	if err == nil {
		for i := 0; i < 20; i++ {
			u.Write([]byte("hello from the sandbox"))
		}
		// ICMP port unreachable comes back on the second write, from the sandbox's own loopback.
		_, err = u.Write([]byte("x"))
	}
	fmt.Println("udp:", err)
	a, err := net.Dial("unix", "@${ABSTRACT}")
	fmt.Println("abstract:", err)
	if a != nil {
		a.Close()
	}
}
`,
    );
    expect(r.run).toMatchObject({ exitCode: 0, timedOut: false });
    const report = reportLines(r.run?.stdout.text);
    expect(resultOf(report, 'tcp')).toMatch(/connection refused$/);
    expect(resultOf(report, 'abstract')).toMatch(/connection refused$/);
    expect(resultOf(report, 'udp')).toMatch(/connection refused$|<nil>$/);
    // The decisive check is on the host side: nothing arrived.
    await new Promise((res) => setTimeout(res, 200));
    expect(reached).toEqual([]);
  });

  it('has no route anywhere: internet, private ranges, cloud metadata, IPv6; no DNS', async () => {
    const targets = [
      '1.1.1.1:443',
      '10.0.0.1:80',
      '192.168.1.1:80',
      '169.254.169.254:80',
      '[2606:4700:4700::1111]:443',
    ];
    const r = await runMain(
      service,
      `package main

import (
	"fmt"
	"net"
	"time"
)

func main() {
	for i, a := range []string{${targets.map((t) => JSON.stringify(t)).join(', ')}} {
		_, err := net.DialTimeout("tcp", a, time.Second)
		fmt.Printf("d%d: %v\\n", i, err)
	}
	_, err := net.LookupHost("example.com")
	fmt.Println("dns:", err)
	ifs, _ := net.Interfaces()
	fmt.Print("ifaces:")
	for _, i := range ifs {
		fmt.Print(" ", i.Name)
	}
	fmt.Println()
}
`,
    );
    expect(r.run).toMatchObject({ exitCode: 0, timedOut: false });
    const report = reportLines(r.run?.stdout.text);
    targets.forEach((t, i) => {
      // Immediate, not a timeout: the namespace has no route at all.
      expect(resultOf(report, `d${i}`), t).toMatch(/network is unreachable$/);
    });
    expect(resultOf(report, 'dns')).toMatch(
      /lookup example\.com.*(refused|no such host|unreachable)/,
    );
    expect(resultOf(report, 'ifaces')).toBe('lo');
  });

  it("binds the very port the host's listener holds: its network stack is its own", async () => {
    const r = await runMain(
      service,
      `package main

import (
	"fmt"
	"net"
)

func main() {
	l, err := net.Listen("tcp", "127.0.0.1:${port(tcp)}")
	fmt.Println("listen:", err)
	if err == nil {
		l.Close()
	}
}
`,
    );
    // On the host this bind fails with EADDRINUSE; inside, the port is free.
    expect(resultOf(reportLines(r.run?.stdout.text), 'listen')).toBe('<nil>');
    expect(tcp.listening).toBe(true);
  });
});
