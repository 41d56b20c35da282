import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { passesLuhn } from "../../scripts/preprocess/pii/card-number.ts";
import { redactPii } from "../../scripts/preprocess/pii/redact.ts";

// Each kind of personal information with the look-alikes next to it that must survive.
const REDACTED: Array<[string, string, string]> = [
  ["RRN with dash before a particle", "주민번호 900101-1234567이고", "주민번호 [RRN]이고"],
  ["RRN without dash", "번호9001012345678을 확인", "번호[RRN]을 확인"],
  ["RRN of a woman born after 2000", "050315-4123456", "[RRN]"],
  ["Seoul landline", "대표전화 02-123-4567입니다", "대표전화 [PHONE]입니다"],
  ["Seoul landline, 4-digit exchange", "02-1234-5678", "[PHONE]"],
  ["area code 031", "031-123-4567로", "[PHONE]로"],
  ["mobile with dashes", "010-1234-5678", "[PHONE]"],
  ["mobile with dots", "010.1234.5678", "[PHONE]"],
  ["mobile with spaces", "010 1234 5678", "[PHONE]"],
  ["mobile unseparated", "01012345678로 연락", "[PHONE]로 연락"],
  ["landline in parentheses", "(02) 123-4567", "[PHONE]"],
  ["internet phone 070", "070-1234-5678", "[PHONE]"],
  ["service number", "고객센터 1588-1234", "고객센터 [PHONE]"],
  ["international Korean", "+82 10-1234-5678", "[PHONE]"],
  ["international Seoul", "+82 2 123 4567", "[PHONE]"],
  ["international UK", "call +44 20 7946 0958 now", "call [PHONE] now"],
  ["US number with separators", "Tel: 617-555-0100.", "Tel: [PHONE]."],
  ["US number with parentheses", "(800) 275-2273", "[PHONE]"],
  ["e-mail", "mail kim.minsu@example.co.kr.", "mail [EMAIL]."],
  ["e-mail with plus", "<a+b@mail.example.com>", "<[EMAIL]>"],
  ["e-mail in mailto URL", "mailto:help@example.org?subject=x", "mailto:[EMAIL]?subject=x"],
  ["card with spaces", "카드 4111 1111 1111 1111", "카드 [CARD]"],
  ["card with dashes", "5500-0000-0000-0004", "[CARD]"],
  ["card unseparated", "4012888888881881", "[CARD]"],
  ["Amex 4-6-5", "3782 822463 10005", "[CARD]"],
  ["account after bank name", "신한은행 110-123-456789로 입금", "신한은행 [ACCOUNT]로 입금"],
  ["account after 계좌", "계좌번호: 1002-123-456789", "계좌번호: [ACCOUNT]"],
  ["account in English", "account no. 123456-78-901234", "account no. [ACCOUNT]"],
  ["IPv4", "from 203.0.113.45 at", "from [IP] at"],
  ["IPv4 at sentence end", "server 10.0.0.1.", "server [IP]."],
  ["IPv4 in a URL host", "http://192.168.10.20/admin", "http://[IP]/admin"],
  ["IPv6", "addr 2001:db8:85a3::8a2e:370:7334 up", "addr [IP] up"],
];

const KEPT: Array<[string, string]> = [
  ["URL path with an RRN shape", "https://example.org/click-471546-2202776"],
  ["URL path with a phone shape", "https://example.org/p/010-1234-5678"],
  ["invalid month is no RRN", "991301-1234567"],
  ["ZIP+4", "Boston, MA 02110-1301, USA"],
  ["long decimal", "ratio 0.0615234375"],
  ["ISO date", "2026-06-07"],
  ["ISO date-time", "2026-06-07T10:20:30Z"],
  ["Korean date", "2026.06.07"],
  ["year range", "1999-2000"],
  ["year range in service-number shape", "1600-1700"],
  ["card failing Luhn", "4111 1111 1111 1112"],
  ["three-part version", "release 4.2.1"],
  ["four-part version after 'version'", "version 10.0.19041.1"],
  ["v-prefixed version", "v1.2.3.4"],
  ["five-part number", "1.2.3.4.5"],
  ["ISBN without account context", "ISBN 978-3-16-148410-0"],
  ["digits without account context", "order 110-123-456789 shipped"],
  ["price", "₩1,234,567"],
  ["time", "12:30:45"],
  ["C++ scope", "std::vector<int>"],
  ["hex hash", "0x9001011234567abc"],
  ["e-mail-like without TLD", "user@localhost"],
  ["phone inside a longer number", "12010-1234-56789"],
];

describe("redactPii", () => {
  for (const [name, input, expected] of REDACTED) {
    test(`redacts ${name}`, () => {
      assert.equal(redactPii(input).text, expected);
    });
  }
  for (const [name, input] of KEPT) {
    test(`keeps ${name}`, () => {
      assert.equal(redactPii(input).text, input);
    });
  }

  test("counts each kind", () => {
    const result = redactPii("a@b.co 010-1234-5678 010-9876-5432 10.1.2.3");
    assert.deepEqual(result.counts, { email: 1, "phone-number": 2, "ip-address": 1 });
  });

  test("same input gives same output", () => {
    const input = "연락처 010-1234-5678, kim@example.com, 900101-1234567";
    assert.equal(redactPii(input).text, redactPii(input).text);
  });
});

describe("passesLuhn", () => {
  test("accepts valid card numbers", () => {
    for (const number of ["4111111111111111", "5500000000000004", "378282246310005", "4012888888881881"]) assert.ok(passesLuhn(number), number);
  });
  test("rejects a changed digit", () => {
    assert.ok(!passesLuhn("4111111111111112"));
  });
});
