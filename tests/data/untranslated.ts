<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- check_translations_finds_gaps: each message below must be reported. -->
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Saved %1 runs to %2</source>
        <translation>%1개 실행을 저장함</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
