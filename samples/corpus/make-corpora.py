#!/usr/bin/env python3
"""Rebuilds english-words.txt and chinese-words.txt from the Debian packages
wamerican and python3-jieba (apt-get install wamerican python3-jieba)."""
import re

# Slurs and obscenities are dropped: students and demos see these words.
BLOCK = set("""
cunt cunts fuck fucks fucked fucker fuckers fucking shit shits shitty bitch bitches bastard
bastards whore whores slut sluts nigger niggers nigga faggot faggots fag fags dyke dykes kike
kikes spic spics chink chinks gook gooks wetback wetbacks retard retards twat twats cock cocks
dick dicks prick pricks pussy pussies tits tit titties wank wanker wankers jizz dildo dildos
rape raped rapes rapist rapists porn porno pornography anal anus clit clitoris penis penises
vagina vaginas scrotum semen sperm coon coons honky honkies cracker crackers tranny queer queers
""".split())

words = [w.strip() for w in open('/usr/share/dict/american-english', encoding='utf-8')]
ok = [w for w in words if re.fullmatch(r"[A-Za-z]{2,14}", w) and w.lower() not in BLOCK]
sub = ok[::2]  # every second word keeps the file near 300 KB
open('english-words.txt', 'w').write('\n'.join(sub) + '\n')

rows = []
for line in open('/usr/lib/python3/dist-packages/jieba/dict.txt', encoding='utf-8'):
    p = line.split()
    if len(p) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]{1,6}", p[0]):
        rows.append((int(p[1]), p[0]))
rows.sort(key=lambda r: (-r[0], r[1]))
open('chinese-words.txt', 'w', encoding='utf-8').write('\n'.join(w for _, w in rows[:30000]) + '\n')
print(len(sub), 'English words,', min(30000, len(rows)), 'Chinese words')
