#!/usr/bin/env python3
"""Expected TensorFlow float formatting, for test/format/float-format.test.ts.

TF's strings::FloatToBuffer prints a float32 with '%.6g' when that text reads back
as the same float32 (safe_strtof, correctly rounded), else with '%.9g'. Python's
'%g' is correctly rounded with ties to even, as glibc's printf is. The read-back
test is exact (fractions), using numpy only to find the neighbouring float32s,
so it shares no code or method with the TypeScript implementation.

Run:  python3 test/format/gen_float_format_fixtures.py > test/format/float-format.fixtures.json
"""
import json
import random
import struct
from fractions import Fraction

import numpy as np


def f32_from_bits(bits):
    return np.frombuffer(struct.pack('<I', bits), dtype=np.float32)[0]


def bits_of(x):
    return struct.unpack('<I', struct.pack('<f', float(x)))[0]


def reads_back(text, x):
    """Would a correctly rounding strtof turn `text` into exactly the float32 x?"""
    if text in ('inf', '-inf', 'nan', '-nan'):
        return True
    r = Fraction(text)
    v = Fraction(float(x))
    with np.errstate(over='ignore'):
        up = np.nextafter(x, np.float32(np.inf), dtype=np.float32)
        down = np.nextafter(x, np.float32(-np.inf), dtype=np.float32)
    if np.isinf(up):  # largest float: the boundary is as far above as the step below
        hi = v + (v - Fraction(float(down))) / 2
    else:
        hi = (v + Fraction(float(up))) / 2
    if np.isinf(down):
        lo = v - (Fraction(float(up)) - v) / 2
    else:
        lo = (v + Fraction(float(down))) / 2
    even = bits_of(x) % 2 == 0
    if x == 0:
        return r == 0
    return lo < r < hi or (even and (r == lo or r == hi))


def tf_format(x):
    six = '%.6g' % float(x)
    return six if reads_back(six, x) else '%.9g' % float(x)


def values():
    rng = random.Random(20170425)
    out = [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 1e-3, 5.0, 8.0, 81.5751572, 3.4028235e38, -3.4028235e38,
           1.17549435e-38, 1e-45, 2.0 ** -13, 123456.5, 1234565.0, 1000005.0, 16777216.0, 1e6, 1e-5,
           9.9999995e-5, 0.0001, 123456.0, 999999.5, 9999995.0, 2.0 ** 24 - 1, 1e10, 3e10, -2.5e-7]
    out += [rng.uniform(-1e3, 1e3) for _ in range(300)]
    out += [rng.uniform(0, 1) * 10.0 ** rng.randint(-40, 38) for _ in range(300)]
    out += [round(rng.uniform(0, 100), rng.randint(0, 8)) for _ in range(300)]
    floats = [np.float32(v) for v in out]
    while len(floats) < 2000:  # random bit patterns cover subnormals and every exponent
        x = f32_from_bits(rng.getrandbits(32))
        if np.isfinite(x):
            floats.append(x)
    return floats


def main():
    # One case per line: [float32 bits, '%.6g', '%.9g', what TF prints].
    rows = [json.dumps(['%08x' % bits_of(x), '%.6g' % float(x), '%.9g' % float(x), tf_format(x)]) for x in values()]
    print('{"generator": "test/format/gen_float_format_fixtures.py", "numpy": "%s", "cases": [' % np.__version__)
    print(',\n'.join(rows))
    print(']}')


if __name__ == '__main__':
    main()
