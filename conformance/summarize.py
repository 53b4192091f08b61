import re,sys
txt=open(sys.argv[1]).read()
# sections in FAILURES / ERRORS
m=re.search(r'^=+ (FAILURES|ERRORS) =+$',txt,re.M)
body=txt[m.start():]
body=body[:re.search(r'^=+ short test summary',body,re.M).start()]
parts=re.split(r'^_{3,} (.+?) _{3,}$',body,flags=re.M)
for i in range(1,len(parts),2):
    name=parts[i]; sec=parts[i+1]
    sec=sec.split('----------------------------- Captured')[0]
    el=[l[1:].strip() for l in sec.splitlines() if l.startswith('E ')]
    msg=' | '.join(el)[:int(sys.argv[2]) if len(sys.argv)>2 else 300]
    print(f'{name}: {msg}')
