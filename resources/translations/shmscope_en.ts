<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>LessonPanel</name>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MachineTexts</name>
    <message numerus="yes">
        <source>The operating system may run workers on %n CPU(s).</source>
        <translation>
            <numerusform>The operating system may run workers on %n CPU.</numerusform>
            <numerusform>The operating system may run workers on %n CPUs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message numerus="yes">
        <source>%n oldest run(s) dropped to stay under %1 of memory</source>
        <translation>
            <numerusform>%n oldest run dropped to stay under %1 of memory</numerusform>
            <numerusform>%n oldest runs dropped to stay under %1 of memory</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message numerus="yes">
        <source>%n run(s) · the same axes in every column · time from each run&apos;s start barrier</source>
        <translation>
            <numerusform>%n run · the same axes in every column · time from each run&apos;s start barrier</numerusform>
            <numerusform>%n runs · the same axes in every column · time from each run&apos;s start barrier</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SweepModel</name>
    <message numerus="yes">
        <source>
compute %1 (%2 – %3), %n run(s)</source>
        <translation>
            <numerusform>
compute %1 (%2 – %3), %n run</numerusform>
            <numerusform>
compute %1 (%2 – %3), %n runs</numerusform>
        </translation>
    </message>
</context>
</TS>
