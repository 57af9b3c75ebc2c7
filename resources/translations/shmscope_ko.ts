<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>ArrayView</name>
    <message>
        <source>Shared array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--transport queue: messages sent by the workers and not yet written into the array by the app. Full: the senders wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole array again (wheel zooms, drag pans).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value of each element against its index, min–max per pixel column, coloured by the worker that wrote it. Wheel: zoom, drag: pan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>element index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value (colour = writer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unwritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>actual count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:gray&apos;&gt;start a run to see the array&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to rank 0: &lt;b&gt;%1&lt;/b&gt; in %2 msgs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>view %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unwritten in view: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;%2&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;mismatches in view: %2&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mismatches in view: 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;scanning…&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue: %1 messages, up to %2 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;private copies: nothing the workers write reaches this array&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContentionModel</name>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acquisitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContentionView</name>
    <message>
        <source>acquisitions/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acquisitions contended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy time waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU burned waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock acquisitions per second, all workers together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contended: share of acquisitions (a count) that found the lock taken and had to wait. JSON: lock.contended_percent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock wait: share of the workers&apos; busy time spent waiting for the lock. JSON: lock.wait_share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average wait of a contended acquisition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest single wait for the lock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU time the workers burned while waiting for the lock, at least: their CPU time minus the time they spent not waiting. A spin lock burns its waits; a mutex sleeps through them. JSON: cpu_waiting_seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock events the workers could not record because their ring was full: the timeline and the histogram miss these (and say so); the counters do not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock contention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per worker: time computing (pale worker colour), waiting for the lock (dark red) and holding it (solid worker colour).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long contended acquisitions waited, in log-scaled buckets (three per decade), from the recorded lock events. When workers dropped events (ring full), the title says how many of the waits the exact counters saw are in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acquisitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock timings are off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync = %1 takes a lock, but this run was started with --no-instrument (&quot;Record lock timings&quot; unchecked), so acquisitions, waits, holds and the timeline were not measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages, not locks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transport = mpi: rank 0 alone writes the shared array; the other ranks compute in their own memory and send it their results. The timeline shows each rank&apos;s sends (rank 0: receiving them); below it, where each rank&apos;s time went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lock on the array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transport = queue: the workers send their results through a message queue and the app writes the array itself. The cost is in the copies and in waiting for room: see the queue bar above the array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lock is taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transport = private: each worker writes its own copy-on-write copy of the array, so nothing it writes is shared (or seen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counters: each worker writes only its own counter, so there is nothing to lock. What slows them down is the cache line they share: see Shared counters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync = atomic: every update is a single atomic instruction, so nobody waits for a lock. Below: where each worker&apos;s time went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync = none: workers write without any synchronisation. Shared updates (histogram) can be lost; the array plot shows the damage. Below: where each worker&apos;s time went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait times
partial: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControlsPanel</name>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the segment and start the workers (Space).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume all workers at their next batch (Space).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the workers to stop; they are killed if they do not within 3 s (Esc).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the finished run and clear the views.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill worker now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strike the worker chosen under Fault injection now (with When = holding: at its next lock acquisition, inside the critical section), as Action says: kill (SIGKILL: no chance to release anything), stop (SIGSTOP) or hang (it keeps running but publishes nothing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue suspended worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A worker is stopped (SIGSTOP): send it SIGCONT before the suspend limit fails the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin this run (A/B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this finished run&apos;s figures: the next runs show theirs beside them, with the ratios, above the views (Ctrl+P).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop worker now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang worker now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountersCanvas</name>
    <message>
        <source>counters appear here during a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per 64-byte cache line; a cell is 8 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1  bytes %2–%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… %1 more lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ns per increment (busy time ÷ increments) · count so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ns · %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountersView</name>
    <message>
        <source>Shared counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counters workload: each worker increments only its own counter, yet counters that share a cache line (packed) make the cores pass the line back and forth on every store: false sharing. Padded gives each counter its own line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the counters workload to see false sharing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>padded: each counter on a 128-byte line of its own — no line is shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packed: %1 counters on %2 cache line(s), up to %3 on one line — every store takes the line away from the other cores (false sharing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 ns per increment overall</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>The lesson: each shows one effect with real runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous lesson (Ctrl+PgUp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next lesson (Ctrl+PgDown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the lesson&apos;s runs one after the other, then say whether the effect was seen (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the lesson&apos;s next run (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause after each run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After each run the lesson waits for Next run (N), so each run can be looked at as long as needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 could not start: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 of %2 (%3) done — &lt;b&gt;Next run&lt;/b&gt; (N) starts %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#1b7a2f&apos;&gt;Seen ✓&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#a3231d&apos;&gt;Not seen&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;h3&gt;Lessons&lt;/h3&gt;&lt;p&gt;Pick a lesson above: each one tells a story, says what to look for, and runs real workers to show the effect with measured figures.&lt;/p&gt;&lt;p&gt;Or set up your own experiment under Controls and press &lt;b&gt;Start&lt;/b&gt; (Space).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not seen this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compute s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imbalance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mismatches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unwritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU waiting s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>observed %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockTimeline</name>
    <message>
        <source>Lock timeline. Top lane(s): who holds the lock (or each stripe) in the holder&apos;s colour; bar height = share of the time it was held. Per worker: dark red = waiting for the lock, colour = holding it, bar height = share of the time. Wheel: zoom, drag: pan, double-click: follow the newest events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message timeline (--transport mpi). Per rank: its sends of results to rank 0 (rank 0: receiving them and copying them into the shared array); dark red on rank 0 = waiting for a message. Gaps are computing. Wheel: zoom, drag: pan, double-click: follow the newest events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>r0 waiting for messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending (r0: receiving)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holding (worker colour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>following · wheel: zoom · drag: pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wheel: zoom · drag: pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused view · double-click: follow again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>double-click: follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>messages appear here during a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock events appear here during a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partial: %1 events dropped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Window…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Progress View…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Array Plot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Contention View…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Sweep View…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Sweep &amp;Points (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workers Table (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Array (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock Events (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trace for Perfetto (JSON)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start / Pause / Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pin This Run (A/B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;weep Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side &amp;by Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs to compare yet: play a lesson (Lessons tab); it ends on its runs side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last lesson&apos;s runs side by side (Ctrl+Shift+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run / Stop Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next R&amp;un</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About ShmScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing, text as text (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About ShmScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;ShmScope %1&lt;/h3&gt;&lt;p&gt;Watch worker processes share one POSIX shared-memory array: who writes where, how fast, and what the lock costs.&lt;/p&gt;&lt;p&gt;Workers are separate &lt;code&gt;shmscope-worker&lt;/code&gt; processes; the window only reads what they publish and never takes their lock.&lt;/p&gt;&lt;p&gt;Qt %2 · QCustomPlot 2.1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time since the workers passed the start barrier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elements per second, all workers together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared-memory segment: /dev/shm/&lt;name&gt; and its size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lesson is playing: stop it first (Lessons tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a run is going on: stop it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the sweep&apos;s points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run is still going: export its results when it has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run yet: start one, then export its results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s array is no longer mapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 elements is more than the %2 a CSV file is useful for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run recorded no lock events (sync %1%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, timings off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved 1 run to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 runs to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every run of the Runs list in one recording file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Se&amp;lected Runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the runs selected in the Runs list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare Side by Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the %1 selected runs side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select 2 to 4 runs in the list (Ctrl+click, Shift+click) to compare them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer exists; it is removed from the recent recordings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recording is still being saved; save again when it is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run in row %1 of the Runs list to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs to save yet: every run of the session is kept in the Runs list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving 1 run to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1 runs to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Selected Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every run of this session. Select one to see it again; the slider under the views moves through it. Select 2 to 4 to compare them side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play / pause the shown run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay speed (times real time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moment of the shown run. Next / previous event: . and , (or Alt+Right / Alt+Left); Home / End: its start and end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t = %1 s of %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play / Pause Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start of Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 at %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1 of elements done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elapsed %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no run kept yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sweep is running: stop it first (Sweep tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready — choose settings and press Start (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting workers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running — %1 of elements done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused at %1 — Space resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ShmScope speaks %1 from its next start. Restart now? (A run going on is stopped.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start %1 again: restart ShmScope yourself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartitionStrip</name>
    <message>
        <source>Partition map. plan: which worker the partition gives each index range (dynamic/guided: how far work has been handed out). written: who wrote each range, from the owner map. Red hatching (seed split): ranges the blog&apos;s arange split plans but no worker runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinnedBar</name>
    <message>
        <source>The latest finished run against the pinned one: its figure, the pinned run&apos;s, and the ratio latest / pinned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the pinned run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Pinned&lt;/b&gt; %1, compute %2 — the next runs are compared with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Pinned → latest&lt;/b&gt; (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressModel</name>
    <message>
        <source>MPI rank 0 on %1: beside the app, it writes the shared array and publishes every rank&apos;s progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPI rank %1 on %2: computes in its own memory and sends its results to rank 0; its progress is what has reached the array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started as: %1 --segment … --worker %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock timings are off (--no-instrument): waits were not measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU %1 in %2 of busy (wall) time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 elements: %2 of the whole array (dynamic/guided workers claim pieces as they go; the grey shade is all workers together)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timings off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker id; its colour is the same in every view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process id of the shmscope-worker process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the worker says it is doing, or how its process ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elements processed of those assigned (dynamic/guided: &quot;Share of run&quot;, the worker&apos;s part of the whole array, with all workers&apos; total shaded behind).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elements per second (average once done).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time from the start barrier to this worker&apos;s end, pauses excluded (still counting while it works). The run&apos;s compute time is the slowest worker&apos;s; imbalance is the slowest over the mean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU time the worker process used since the barrier. Beside its busy (wall) time it shows preemption (more workers than cores) and CPU burned spinning while waiting for a lock: a mutex waiter sleeps, a spinner does not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock wait: share of this worker&apos;s busy TIME spent waiting for the lock (the contention view&apos;s &quot;contended&quot; counts acquisitions that waited).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;compute&lt;/b&gt;: start barrier to the last worker&apos;s end, pauses excluded (the report&apos;s compute_seconds).&lt;/p&gt;&lt;p&gt;&lt;b&gt;imbalance&lt;/b&gt;: the slowest worker&apos;s time over the mean (1.00 = perfectly even; 2 = one worker took twice the average).&lt;/p&gt;&lt;p&gt;&lt;b&gt;CPU&lt;/b&gt;: all workers&apos; CPU time together. Above compute x workers&apos; share of the cores, workers spun; far below, they slept or waited for a core.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compute &lt;b&gt;%1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; imbalance &lt;b&gt;%2&lt;/b&gt; &amp;nbsp;·&amp;nbsp; CPU &lt;b&gt;%3&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per worker process; hover the column headers for details.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Open Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ShmScope recordings (*.shmscope)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <source>a run is already in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker executable not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rank %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--transport mpi: this ShmScope was built without MPI (install libopenmpi-dev and rebuild)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--transport mpi runs shmscope-mpi-worker ranks: --worker-command does not apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--transport mpi: %1 not found (this build has MPI support; was it installed beside shmscope?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--transport mpi: mpirun not found on PATH (Debian: apt-get install openmpi-bin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mpirun could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rank %1 (pid %2 on %3) was killed by signal %4; mpirun ended the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mpirun exited before any rank started (check --mpi-args)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mpirun was killed by signal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mpirun failed with exit code %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only %1 of %2 workers attached (none more in %3 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 could not be started: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 failed with exit code %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pid %2) stopped publishing: running, but silent for %3 s%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> while holding %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workers stopped responding (no progress for %1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deadlock: worker %1 died holding %2, %3 workers blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pid %2) is suspended (SIGSTOP)%3 for more than %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and holds %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segment shrank to %1 bytes (from %2) — changed by another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 was killed by signal %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> while holding a lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 died holding the robust mutex and no survivor locked it again to take its work over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 was killed by signal %2 while holding a lock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunPlayer</name>
    <message>
        <source>no runs to play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a run is going on: stop it first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message numerus="yes">
        <source>%n oldest run(s) dropped to stay under %1 of memory</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>same settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2
%3 s recorded, %4 in memory%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
incomplete: the run was cut short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SideBySideModel</name>
    <message>
        <source>%1 lost update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lost updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mismatches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unwritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message>
        <source>&lt;b&gt;Side by side&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The view every column shows, at the same scales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live views of the last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t = %1 s of %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) · the same axes in every column · time from each run&apos;s start barrier</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no runs to compare yet: play a lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every run at the same moment after its start barrier (a run that had ended by then, as it ended). Arrow keys step, Home / End: the start and the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These runs were played live and are shown as they ended; their recordings (kept in the Runs tab) arrive a moment later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepModel</name>
    <message>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min – max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Karp–Flatt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imbalance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median compute time of the point&apos;s runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fastest and slowest run of the point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baseline&apos;s median over this point&apos;s (baseline: the first workers value with the same other settings; without a workers axis, the first value).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup per worker, against the baseline&apos;s workers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experimentally determined serial fraction: (1/S - 1/p) / (1 - 1/p). Rising with p: overhead or waiting grows, not serial code alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median elements (or increments) per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median of the slowest worker&apos;s time over the mean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median CPU time of all workers together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What verification found; failed runs are counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>
compute %1 (%2 – %3), %n run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>
speedup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, efficiency %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, Karp–Flatt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
throughput %1, imbalance %2, CPU %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepPanel</name>
    <message>
        <source>Run the settings in Controls over a range of values, each point several times, and see how it scales. Slow motion is off and the views redraw 4 times a second during a sweep; `shmscope --sweep ...` in a terminal measures without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values separated by commas, as the command line takes them: 1,2,4,8 or mutex,striped,atomic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs per point, interleaved over the points so drift on a busy machine hits every point alike; the table shows the median.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs per point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point %1 of %2 (%3), run %4 of %5%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 runs done.%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepView</name>
    <message>
        <source>Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The views of the last run (View &gt; Sweep Results comes back here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup against workers (or throughput per value): hover a point for its figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no sweep yet: choose settings in the Sweep panel and run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 runs per point, interleaved · %3 of %4 runs · %5 cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ideal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amdahl f = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speedup (baseline: %1 worker%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throughput (million elements/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throughput (thousand elements/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throughput (elements/s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Watch processes share one array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every run starts real worker processes that write into one POSIX shared-memory array. You see what they do while they do it, and what the synchronisation and the way the work is split cost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each process: progress, rate, time and CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the values as they are written, in the colour of the worker that wrote them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock contention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who waits for the lock, who holds it, and for how long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start this run (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the run the Controls describe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the lessons (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Lessons panel: a guided path through every effect, each with its story, what to look for and a verdict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Change it in Controls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: “%1” — one of %2 lessons, each with a story, what to look for and a verdict.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkTimePlot</name>
    <message>
        <source>Per worker: wall time from the start barrier to its end (pale, wide) and the CPU time it used (solid, narrow). Unequal wall times are load imbalance (the title&apos;s imbalance: the slowest over the mean); CPU well below wall time means the worker waited for a core or slept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · imbalance %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>font_coverage</name>
    <message>
        <source>No installed font has %1 letters: they show as empty boxes. Install one (Debian: %2) and start again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>off (full speed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 µs per element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms per element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s per element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counters (%1), %2 increments each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 over %2 elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>atomic updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slow motion %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full speed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shm::kSettings</name>
    <message>
        <source>Experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker processes sharing the array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>doubles in the shared array, also bounded by free /dev/shm space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what each element computes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sin(i): cheap, every element independent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A smooth wave over the array: easy to read in the plot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every element adds 1 to a hashed bin: shared read-modify-writes that race without a lock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escape iterations along a line: uneven cost, so static partitions get unequal work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each worker bumps its own 64-bit counter: no data is shared, yet counters on one cache line (packed) slow every worker down: false sharing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bins of the histogram workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how the indices are divided among the workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One contiguous band per worker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker k takes every W-th element.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunks dealt round-robin to the workers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers claim the next chunk from a shared cursor when they are free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like dynamic, with pieces shrinking as the work runs out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The blog post&apos;s split as written: arange(0, N, N // W), one range per worker in order; ranges beyond the workers never run, so a remainder stays unwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elements per piece of work, and per lock with chunk lock scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how workers protect their writes to the shared array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lock: fastest, and shared updates can be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One process-shared mutex for everything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One mutex per stripe of indices: less contention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A test-and-test-and-set spin lock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atomic instructions, no lock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One process-shared robust mutex: if its holder dies, the next worker to lock it is told, repairs what the dead one left half-done and takes its work over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stripes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mutexes of the striped sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how much work one lock acquisition covers, with a lock-based sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock and unlock around every element.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the lock for a whole chunk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extra time per element: slow motion, acts at once, also during a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record lock timings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time every lock acquisition; off shows what the timing itself costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how the results reach the controller&apos;s array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers write the shared array: the controller sees every write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each worker maps the array copy-on-write (MAP_PRIVATE), as the blog&apos;s example effectively does: it writes its own copy and the controller sees nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers send their results through a message queue; the controller writes the array. The copies and the waiting a queue costs become visible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workers are MPI ranks started by mpirun (on this host or several): rank 0 writes the shared array, the others compute in private memory and send it their results as messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where the counters workload puts the workers&apos; counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The counters side by side: up to 8 share one 64-byte cache line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each counter on a 128-byte line of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Increments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how often each worker bumps its counter (counters workload)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault injection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scripted fault: SIGKILL this worker (0-based) during the run, reproducibly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when the scripted kill happens, in ms after the start barrier opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kill at the time, or at the worker&apos;s next lock acquisition after it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIGKILL the worker at the given time, wherever it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the given time on, SIGKILL the worker at its next lock acquisition, while it holds the lock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a worker stopped (SIGSTOP) for this long fails the run; SIGCONT before it goes on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the scripted fault (and Kill worker now) does: kill, stop or hang the worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIGKILL: the worker dies at once, wherever it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIGSTOP: the worker is suspended (Continue sends SIGCONT); after the suspend timeout the run fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worker keeps running but publishes nothing, like an endless loop; the stall check names it after the stall timeout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a running worker that publishes nothing for this long fails the run (named); waiting for a lock does not count</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>view_export</name>
    <message>
        <source>could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
