<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>ArrayView</name>
    <message>
        <source>Shared array</source>
        <translation>공유 배열</translation>
    </message>
    <message>
        <source>queue %v of %m</source>
        <translation>큐 %v / %m</translation>
    </message>
    <message>
        <source>--transport queue: messages sent by the workers and not yet written into the array by the app. Full: the senders wait.</source>
        <translation>--transport queue: 작업자가 보냈지만 앱이 아직 배열에 쓰지 않은 메시지입니다. 가득 차면 보내는 쪽이 기다립니다.</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>확대 초기화</translation>
    </message>
    <message>
        <source>Show the whole array again (wheel zooms, drag pans).</source>
        <translation>배열 전체를 다시 보여 줍니다 (휠: 확대/축소, 드래그: 이동).</translation>
    </message>
    <message>
        <source>Value of each element against its index, min–max per pixel column, coloured by the worker that wrote it. Wheel: zoom, drag: pan.</source>
        <translation>인덱스별 각 요소의 값입니다. 픽셀 열마다 최솟값–최댓값을 그리고, 그 값을 쓴 작업자의 색으로 칠합니다. 휠: 확대/축소, 드래그: 이동.</translation>
    </message>
    <message>
        <source>element index</source>
        <translation>요소 인덱스</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>value (colour = writer)</source>
        <translation>값 (색 = 쓴 작업자)</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>기댓값</translation>
    </message>
    <message>
        <source>unwritten</source>
        <translation>쓰이지 않음</translation>
    </message>
    <message>
        <source>mismatch</source>
        <translation>불일치</translation>
    </message>
    <message>
        <source>bin</source>
        <translation>구간</translation>
    </message>
    <message>
        <source>count</source>
        <translation>개수</translation>
    </message>
    <message>
        <source>actual count</source>
        <translation>실제 개수</translation>
    </message>
    <message>
        <source>lost updates</source>
        <translation>갱신 손실</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:gray&apos;&gt;start a run to see the array&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:gray&apos;&gt;실행을 시작하면 배열이 보입니다&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 bins</source>
        <translation>구간 %1개</translation>
    </message>
    <message>
        <source>%1 elements</source>
        <translation>요소 %1개</translation>
    </message>
    <message>
        <source>to rank 0: &lt;b&gt;%1&lt;/b&gt; in %2 msgs</source>
        <translation>랭크 0으로: 메시지 %2개에 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>view %1–%2</source>
        <translation>보기 %1–%2</translation>
    </message>
    <message>
        <source>unwritten in view: %1</source>
        <translation>보이는 범위에서 쓰이지 않음: %1</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:%1&apos;&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;mismatches in view: %2&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:%1&apos;&gt;보이는 범위의 불일치: %2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>mismatches in view: 0</source>
        <translation>보이는 범위의 불일치: 0</translation>
    </message>
    <message>
        <source>&lt;i&gt;scanning…&lt;/i&gt;</source>
        <translation>&lt;i&gt;읽는 중…&lt;/i&gt;</translation>
    </message>
    <message>
        <source>queue: %1 messages, up to %2 waiting</source>
        <translation>큐: 메시지 %1개, 최대 %2개 대기</translation>
    </message>
    <message>
        <source>&lt;b&gt;private copies: nothing the workers write reaches this array&lt;/b&gt;</source>
        <translation>&lt;b&gt;개별 복사본: 작업자가 쓰는 것은 이 배열에 닿지 않습니다&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>CliText</name>
    <message>
        <source>--config: file &apos;%1&apos; does not exist</source>
        <translation>--config: 파일 &apos;%1&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>--config: &apos;%1&apos; is not a regular file</source>
        <translation>--config: &apos;%1&apos;은(는) 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>--config: &apos;%1&apos; is larger than 16 MiB</source>
        <translation>--config: &apos;%1&apos;이(가) 16 MiB보다 큽니다</translation>
    </message>
    <message>
        <source>--config: cannot read &apos;%1&apos;: %2</source>
        <translation>--config: &apos;%1&apos;을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>--config: &apos;%1&apos; is not valid JSON (%2 at offset %3)</source>
        <translation>--config: &apos;%1&apos;은(는) 올바른 JSON이 아닙니다 (오프셋 %3에서 %2)</translation>
    </message>
    <message>
        <source>--config: &apos;%1&apos; must hold a JSON object of settings</source>
        <translation>--config: &apos;%1&apos;에는 설정을 담은 JSON 객체가 있어야 합니다</translation>
    </message>
    <message>
        <source>--view sweep needs a --sweep to show</source>
        <translation>--view sweep에는 보여 줄 --sweep이 필요합니다</translation>
    </message>
    <message>
        <source>--view side needs a --lesson or --open FILE (its runs side by side)</source>
        <translation>--view side에는 --lesson 또는 --open FILE이 필요합니다 (그 실행들을 나란히 보여 줍니다)</translation>
    </message>
    <message>
        <source>--repeat goes with --sweep</source>
        <translation>--repeat은 --sweep과 함께 씁니다</translation>
    </message>
    <message>
        <source>--sweep does not take a --lesson</source>
        <translation>--sweep은 --lesson과 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>--bench-frames does not take a --sweep</source>
        <translation>--bench-frames는 --sweep과 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>--sweep --screenshot renders --view window or sweep</source>
        <translation>--sweep --screenshot은 --view window 또는 sweep만 그립니다</translation>
    </message>
    <message>
        <source>--compare-with compares one run: not with --sweep</source>
        <translation>--compare-with는 실행 하나를 비교합니다: --sweep과 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>--array-csv and --trace record one run: not with --sweep</source>
        <translation>--array-csv와 --trace는 실행 하나의 결과를 씁니다: --sweep과 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>--csv writes a headless sweep&apos;s points (in the window: File &gt; Export Sweep Points)</source>
        <translation>--csv는 창 없이 실행한 스윕의 지점을 씁니다 (창에서는: 파일 &gt; 스윕 지점 내보내기)</translation>
    </message>
    <message>
        <source>--csv, --array-csv and --trace write a headless run&apos;s results (or a sweep&apos;s, for --csv)</source>
        <translation>--csv, --array-csv, --trace는 창 없이 실행한 실행 하나의 결과를 씁니다 (--csv는 스윕의 결과도)</translation>
    </message>
    <message>
        <source>--array-csv: %1 elements is more than the %2 a CSV file is useful for; use --elements %2 or fewer</source>
        <translation>--array-csv: 요소 %1개는 CSV 파일로 쓸모 있는 %2개보다 많습니다. --elements를 %2 이하로 하세요</translation>
    </message>
    <message>
        <source>--compare-with goes with a single run (headless, a screenshot or the window)</source>
        <translation>--compare-with는 실행 하나와 함께 씁니다 (창 없이, 스크린숏 또는 창)</translation>
    </message>
    <message>
        <source>--worker-command-count goes with --worker-command</source>
        <translation>--worker-command-count는 --worker-command와 함께 씁니다</translation>
    </message>
    <message>
        <source>--worker-command-count: %1 is more than the %2 workers</source>
        <translation>--worker-command-count: %1이(가) 작업자 수 %2보다 많습니다</translation>
    </message>
    <message>
        <source>--worker-command does not take a --lesson (lessons run their own workers)</source>
        <translation>--worker-command는 --lesson과 함께 쓸 수 없습니다 (레슨은 자체 작업자를 실행합니다)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (one recording at a time)</source>
        <translation>예상하지 못한 인수 &apos;%1&apos; (기록 파일은 한 번에 하나만)</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos; (see --help)</source>
        <translation>알 수 없는 옵션 &apos;%1&apos; (--help 참고)</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1에는 값이 필요합니다</translation>
    </message>
    <message>
        <source>--%1 given more than once: the last one (%2) counts</source>
        <translation>--%1이(가) 여러 번 주어졌습니다: 마지막 값(%2)이 적용됩니다</translation>
    </message>
    <message>
        <source>--run goes with --open FILE</source>
        <translation>--run은 --open FILE과 함께 씁니다</translation>
    </message>
    <message>
        <source>--bench-scrub goes with --open FILE</source>
        <translation>--bench-scrub은 --open FILE과 함께 씁니다</translation>
    </message>
    <message>
        <source>--record does not take --open (a recording is not run again)</source>
        <translation>--record는 --open과 함께 쓸 수 없습니다 (기록 파일은 다시 실행되지 않습니다)</translation>
    </message>
    <message>
        <source>--open shows what was recorded: it takes no --lesson or --sweep</source>
        <translation>--open은 기록된 것을 보여 줍니다: --lesson이나 --sweep과 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>--open shows what was recorded: --%1 does not apply to it</source>
        <translation>--open은 기록된 것을 보여 줍니다: --%1은(는) 적용되지 않습니다</translation>
    </message>
    <message>
        <source>--open takes --headless, --json, --screenshot, --run, --at-ms, --view, --size, --zoom and --bench-scrub</source>
        <translation>--open과 함께 쓸 수 있는 것: --headless, --json, --screenshot, --run, --at-ms, --view, --size, --zoom, --bench-scrub</translation>
    </message>
    <message>
        <source>--bench-scrub times the window: it does not take --headless</source>
        <translation>--bench-scrub은 창의 시간을 잽니다: --headless와 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>--rehearse plays lessons in the terminal: not with --screenshot, --bench-frames or --no-run (in the window: Lessons &gt; Rehearse All)</source>
        <translation>--rehearse는 터미널에서 레슨을 실행합니다: --screenshot, --bench-frames, --no-run과 함께 쓸 수 없습니다 (창에서는: 레슨 &gt; 모든 레슨 리허설)</translation>
    </message>
    <message>
        <source>--rehearse does not take a --sweep</source>
        <translation>--rehearse는 --sweep과 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>--rehearse does not take --open or --record</source>
        <translation>--rehearse는 --open이나 --record와 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>--csv, --array-csv, --trace and --compare-with go with a single run, not --rehearse</source>
        <translation>--csv, --array-csv, --trace, --compare-with는 실행 하나와 함께 씁니다: --rehearse와는 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>--worker-command does not take --rehearse (lessons run their own workers)</source>
        <translation>--worker-command는 --rehearse와 함께 쓸 수 없습니다 (레슨은 자체 작업자를 실행합니다)</translation>
    </message>
    <message>
        <source>--bench-frames does not take a --lesson</source>
        <translation>--bench-frames는 --lesson과 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>--mpi-args goes with --transport mpi</source>
        <translation>--mpi-args는 --transport mpi와 함께 씁니다</translation>
    </message>
    <message>
        <source>--worker-command does not apply to --transport mpi (the ranks are shmscope-mpi-worker)</source>
        <translation>--worker-command는 --transport mpi에 적용되지 않습니다 (랭크는 shmscope-mpi-worker입니다)</translation>
    </message>
    <message>
        <source>--no-run goes with --screenshot (the window before any run)</source>
        <translation>--no-run은 --screenshot과 함께 씁니다 (실행하기 전의 창)</translation>
    </message>
    <message>
        <source>--lesson-file needs --lesson ID, --rehearse or --list-lessons</source>
        <translation>--lesson-file에는 --lesson ID, --rehearse 또는 --list-lessons가 필요합니다</translation>
    </message>
    <message>
        <source>--delay-us %1 on %2 units of work for %3 workers adds about %4 hours of slow motion</source>
        <translation>--delay-us %1: 작업자 %3개가 일 %2단위를 하면 슬로 모션으로 약 %4시간이 더해집니다</translation>
    </message>
    <message>
        <source>Usage: shmscope [options]
Watch worker processes share one shared-memory array: progress, values, lock contention.
</source>
        <translation>사용법: shmscope [옵션]
작업자 프로세스들이 공유 메모리 배열 하나를 함께 쓰는 모습을 봅니다: 진행, 값, 락 경합.
</translation>
    </message>
    <message>
        <source>Modes:</source>
        <translation>모드:</translation>
    </message>
    <message>
        <source>  (none)                 open the window, preset with the experiment settings below
</source>
        <translation>  (없음)                 창을 엽니다. 아래 실험 설정을 미리 채워 둡니다
</translation>
    </message>
    <message>
        <source>Experiment settings:</source>
        <translation>실험 설정:</translation>
    </message>
    <message>
        <source>Settings file:</source>
        <translation>설정 파일:</translation>
    </message>
    <message>
        <source>Lessons (a guided path through every effect):</source>
        <translation>레슨 (모든 효과를 차례로 안내합니다):</translation>
    </message>
    <message>
        <source>Exit codes: 0 run finished (mismatches included), 2 invalid input, 3 run failed.
</source>
        <translation>종료 코드: 0 실행 완료 (불일치 포함), 2 잘못된 입력, 3 실행 실패.
</translation>
    </message>
    <message>
        <source>%1: field &apos;%2&apos; must be true or false</source>
        <translation>%1: 필드 &apos;%2&apos;은(는) true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>%1: field &apos;%2&apos; must be a string (%3)</source>
        <translation>%1: 필드 &apos;%2&apos;은(는) 문자열이어야 합니다 (%3)</translation>
    </message>
    <message>
        <source>%1: field &apos;%2&apos; must be a whole number</source>
        <translation>%1: 필드 &apos;%2&apos;은(는) 정수여야 합니다</translation>
    </message>
    <message>
        <source>%1: field &apos;%2&apos; is out of range</source>
        <translation>%1: 필드 &apos;%2&apos;이(가) 범위를 벗어났습니다</translation>
    </message>
    <message>
        <source>%1: unknown field &apos;%2&apos; in &apos;%3&apos;</source>
        <translation>%1: &apos;%3&apos;에 알 수 없는 필드 &apos;%2&apos;이(가) 있습니다</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a valid count</source>
        <translation>%1: &apos;%2&apos;은(는) 올바른 수가 아닙니다</translation>
    </message>
    <message>
        <source>--size: &apos;%1&apos; is not WIDTHxHEIGHT between 320x240 and 8192x8192</source>
        <translation>--size: &apos;%1&apos;은(는) 320x240~8192x8192 범위의 WIDTHxHEIGHT가 아닙니다</translation>
    </message>
    <message>
        <source>--zoom: &apos;%1&apos; is not a factor from 0.7 to 3</source>
        <translation>--zoom: &apos;%1&apos;은(는) 0.7~3 범위의 배율이 아닙니다</translation>
    </message>
    <message>
        <source>--repeat: &apos;%1&apos; is not a count from 1 to %2</source>
        <translation>--repeat: &apos;%1&apos;은(는) 1~%2 범위의 횟수가 아닙니다</translation>
    </message>
    <message>
        <source>--rehearse: &apos;%1&apos; is not a count from 1 to 100</source>
        <translation>--rehearse: &apos;%1&apos;은(는) 1~100 범위의 횟수가 아닙니다</translation>
    </message>
    <message>
        <source>--worker-command-count: &apos;%1&apos; is not a count from 1 to %2</source>
        <translation>--worker-command-count: &apos;%1&apos;은(는) 1~%2 범위의 수가 아닙니다</translation>
    </message>
    <message>
        <source>--lang: unknown language &apos;%1&apos; (expected %2)</source>
        <translation>--lang: 알 수 없는 언어 &apos;%1&apos; (가능한 값: %2)</translation>
    </message>
    <message>
        <source>  --headless [--json]    run one experiment without a window and print a report
</source>
        <translation>  --headless [--json]    창 없이 실험 하나를 실행하고 보고서를 출력합니다
</translation>
    </message>
    <message>
        <source>--screenshot needs an output file name</source>
        <translation>--screenshot에는 출력 파일 이름이 필요합니다</translation>
    </message>
    <message>
        <source>  --screenshot OUT.png   run, render a view to a PNG (or .svg, .pdf: vector, text as text) and exit
</source>
        <translation>  --screenshot OUT.png   실행하고, 보기를 PNG(또는 .svg, .pdf: 벡터, 글자는 글자로)로 그린 뒤 끝냅니다
</translation>
    </message>
    <message>
        <source>--view needs a value</source>
        <translation>--view에는 값이 필요합니다</translation>
    </message>
    <message>
        <source>--size needs WIDTHxHEIGHT</source>
        <translation>--size에는 WIDTHxHEIGHT가 필요합니다</translation>
    </message>
    <message>
        <source>      --size WxH         (default 1600x1000)   --at-ms T  capture T ms after start
</source>
        <translation>      --size WxH         (기본값 1600x1000)   --at-ms T  시작 후 T ms에 캡처
</translation>
    </message>
    <message>
        <source>--at-ms needs a number</source>
        <translation>--at-ms에는 숫자가 필요합니다</translation>
    </message>
    <message>
        <source>      --no-run           the window as it first opens, before any run
</source>
        <translation>      --no-run           실행하기 전, 처음 열린 그대로의 창
</translation>
    </message>
    <message>
        <source>--bench-frames needs a number</source>
        <translation>--bench-frames에는 숫자가 필요합니다</translation>
    </message>
    <message>
        <source>  --bench-frames N       time N GUI frames of a running experiment and print figures
</source>
        <translation>  --bench-frames N       실행 중인 실험의 GUI 프레임 N개에 걸리는 시간을 재고 수치를 출력합니다
</translation>
    </message>
    <message>
        <source>--sweep needs SETTING=V1,V2,...</source>
        <translation>--sweep에는 SETTING=V1,V2,...가 필요합니다</translation>
    </message>
    <message>
        <source>  --sweep SETTING=V1,V2,...   run every value (give it twice for a grid); a table,
                         or with --screenshot the Sweep view (in the window: the Sweep tab)
</source>
        <translation>  --sweep SETTING=V1,V2,...   값마다 실행합니다 (두 번 주면 격자). 표를 출력하고,
                         --screenshot과 함께면 스윕 보기를 그립니다 (창에서는: 스윕 탭)
</translation>
    </message>
    <message>
        <source>--repeat needs a number</source>
        <translation>--repeat에는 숫자가 필요합니다</translation>
    </message>
    <message>
        <source>      --repeat R         runs per point, interleaved (default 3)   --csv FILE  the points table
                         speedup, efficiency, Karp-Flatt, Amdahl fit; --json for all figures
</source>
        <translation>      --repeat R         지점당 실행 횟수, 번갈아 실행 (기본값 3)   --csv FILE  지점 표
                         속도 향상, 효율, Karp-Flatt, Amdahl 적합; --json: 모든 수치
</translation>
    </message>
    <message>
        <source>--compare-with needs a file name</source>
        <translation>--compare-with에는 파일 이름이 필요합니다</translation>
    </message>
    <message>
        <source>  --compare-with REPORT.json  this run beside one saved with --json: ratios (in the window: pinned)
</source>
        <translation>  --compare-with REPORT.json  이 실행을 --json으로 저장한 실행과 나란히: 비율 (창에서는: 고정)
</translation>
    </message>
    <message>
        <source>--csv needs a file name</source>
        <translation>--csv에는 파일 이름이 필요합니다</translation>
    </message>
    <message>
        <source>  --csv FILE  --array-csv FILE  --trace FILE.json   a headless run&apos;s workers, its array
                         (index, value, expected, owner; up to 10^7 elements), a Perfetto trace
</source>
        <translation>  --csv FILE  --array-csv FILE  --trace FILE.json   창 없이 실행한 실행의 작업자, 배열
                         (index, value, expected, owner; 요소 10^7개까지), Perfetto 트레이스
</translation>
    </message>
    <message>
        <source>--array-csv needs a file name</source>
        <translation>--array-csv에는 파일 이름이 필요합니다</translation>
    </message>
    <message>
        <source>--trace needs a file name</source>
        <translation>--trace에는 파일 이름이 필요합니다</translation>
    </message>
    <message>
        <source>--worker-command needs a command, e.g. &quot;python3 resources/python/shmscope_worker.py&quot;</source>
        <translation>--worker-command에는 명령이 필요합니다. 예: &quot;python3 resources/python/shmscope_worker.py&quot;</translation>
    </message>
    <message>
        <source>  --worker-command CMD   start workers as CMD --segment NAME --worker K instead of shmscope-worker,
                         e.g. &quot;python3 resources/python/shmscope_worker.py&quot;; --worker-command-count K:
                         only the last K workers (default all), beside shmscope-worker ones
</source>
        <translation>  --worker-command CMD   shmscope-worker 대신 CMD --segment NAME --worker K로 작업자를 시작합니다.
                         예: &quot;python3 resources/python/shmscope_worker.py&quot;; --worker-command-count K:
                         마지막 작업자 K개만 (기본값 모두), 나머지는 shmscope-worker
</translation>
    </message>
    <message>
        <source>--mpi-args needs mpirun&apos;s arguments, e.g. &quot;--hostfile hosts.txt&quot;</source>
        <translation>--mpi-args에는 mpirun의 인수가 필요합니다. 예: &quot;--hostfile hosts.txt&quot;</translation>
    </message>
    <message>
        <source>  --mpi-args &quot;ARGS&quot;      with --transport mpi: passed to mpirun (e.g. &quot;--hostfile hosts.txt&quot;;
                         default: --oversubscribe --bind-to none, -np is --workers)
</source>
        <translation>  --mpi-args &quot;ARGS&quot;      --transport mpi와 함께: mpirun에 넘깁니다 (예: &quot;--hostfile hosts.txt&quot;;
                         기본값: --oversubscribe --bind-to none, -np는 --workers)
</translation>
    </message>
    <message>
        <source>--record needs a file name</source>
        <translation>--record에는 파일 이름이 필요합니다</translation>
    </message>
    <message>
        <source>  --record FILE          keep the run, lesson or sweep (all its runs) in FILE, a SQLite recording
                         (schema: docs/recording.md)
</source>
        <translation>  --record FILE          실행, 레슨 또는 스윕(그 모든 실행)을 SQLite 기록 파일 FILE에 남깁니다
                         (스키마: docs/recording.md)
</translation>
    </message>
    <message>
        <source>--open needs a recording&apos;s file name</source>
        <translation>--open에는 기록 파일 이름이 필요합니다</translation>
    </message>
    <message>
        <source>  --open FILE, or FILE   open a recording in the window; --headless [--json]: print its reports
                         (a lesson&apos;s: the lesson verdict); --screenshot OUT --open FILE [--run LABEL]
                         [--at-ms T] [--view V]: any moment of a recorded run
</source>
        <translation>  --open FILE 또는 FILE  기록 파일을 창에서 엽니다. --headless [--json]: 그 보고서를 출력합니다
                         (레슨이면 레슨 판정). --screenshot OUT --open FILE [--run LABEL]
                         [--at-ms T] [--view V]: 기록된 실행의 어느 순간이든
</translation>
    </message>
    <message>
        <source>--run needs a run&apos;s label (e.g. A)</source>
        <translation>--run에는 실행의 라벨이 필요합니다 (예: A)</translation>
    </message>
    <message>
        <source>--bench-scrub needs a number</source>
        <translation>--bench-scrub에는 숫자가 필요합니다</translation>
    </message>
    <message>
        <source>  --bench-scrub N        with --open: time N slider moves over the recording and print figures
</source>
        <translation>  --bench-scrub N        --open과 함께: 기록 파일에서 슬라이더를 N번 옮기는 시간을 재어 출력합니다
</translation>
    </message>
    <message>
        <source>--zoom needs a number</source>
        <translation>--zoom에는 숫자가 필요합니다</translation>
    </message>
    <message>
        <source>  --zoom F               presentation mode: text and plots F times larger (0.7 to 3; in the window
                         Ctrl+= / Ctrl+- / Ctrl+0, kept)
</source>
        <translation>  --zoom F               발표 모드: 글자와 그래프를 F배 크게 (0.7~3. 창에서는
                         Ctrl+= / Ctrl+- / Ctrl+0, 저장됨)
</translation>
    </message>
    <message>
        <source>--lang needs a language (en or ko)</source>
        <translation>--lang에는 언어가 필요합니다 (en 또는 ko)</translation>
    </message>
    <message>
        <source>  --lang en|ko           the interface language (default: the system locale, LANG; in the window
                         View &gt; Language, kept)
</source>
        <translation>  --lang en|ko           인터페이스 언어 (기본값: 시스템 로케일, LANG. 창에서는
                         보기 &gt; 언어, 저장됨)
</translation>
    </message>
    <message>
        <source>  --help, --version
</source>
        <translation>  --help, --version
</translation>
    </message>
    <message>
        <source>  --probe [--json]       measure what this machine can show (CPUs running at once, what a
                         cache line shared by two CPUs costs, clock resolution) and print it;
                         every report carries these figures as &quot;machine&quot;
</source>
        <translation>  --probe [--json]       이 기계가 보여 줄 수 있는 것을 측정해 출력합니다 (동시에 도는 CPU 수,
                         두 CPU가 공유하는 캐시 라인의 비용, 시계 해상도).
                         모든 보고서에 이 수치가 &quot;machine&quot;으로 들어갑니다
</translation>
    </message>
    <message>
        <source>--config needs a file name</source>
        <translation>--config에는 파일 이름이 필요합니다</translation>
    </message>
    <message>
        <source>  --config FILE.json     settings as a JSON object, e.g. {&quot;workers&quot;: 8, &quot;sync&quot;: &quot;mutex&quot;};
                         keys as the flags above (&apos;-&apos; or &apos;_&apos;); flags given on the command line win
</source>
        <translation>  --config FILE.json     JSON 객체로 된 설정, 예: {&quot;workers&quot;: 8, &quot;sync&quot;: &quot;mutex&quot;};
                         키는 위의 플래그와 같습니다 (&apos;-&apos; 또는 &apos;_&apos;). 명령줄에 준 플래그가 우선합니다
</translation>
    </message>
    <message>
        <source>  --list-lessons         print the lessons, id and title, and exit (no window opens, with or
                         without --headless)
</source>
        <translation>  --list-lessons         레슨의 id와 제목을 출력하고 끝냅니다 (--headless가 있든 없든
                         창은 열리지 않습니다)
</translation>
    </message>
    <message>
        <source>--lesson needs a lesson id (see --list-lessons)</source>
        <translation>--lesson에는 레슨 id가 필요합니다 (--list-lessons 참고)</translation>
    </message>
    <message>
        <source>  --lesson ID            in the window: the Lessons tab shows that lesson and the first screen&apos;s
                         main button runs it (&quot;Run lesson: TITLE&quot;; Ctrl+L too); nothing runs until
                         pressed. With --headless (or without a display): run its runs in turn and
                         say whether its effect was seen, not seen, or could not be shown here
                         (inconclusive); --json prints {&quot;lesson&quot;: {..., &quot;seen&quot;, &quot;verdict&quot;, &quot;reasons&quot;},
                         &quot;runs&quot;: [reports]}; setting flags given with it override the lesson&apos;s.
                         With --screenshot: the window after the lesson&apos;s runs, Lessons panel in
                         front (with --no-run: the first screen, before them)
</source>
        <translation>  --lesson ID            창에서: 레슨 탭에 그 레슨을 보여 주고, 첫 화면의 주 버튼이 그 레슨을
                         실행합니다 (&quot;레슨 실행: TITLE&quot;; Ctrl+L도 됨). 누르기 전에는 아무것도 실행하지
                         않습니다. --headless와 함께(또는 디스플레이가 없으면): 레슨의 실행들을 차례로
                         돌리고 효과가 확인됨, 확인되지 않음, 여기서는 보일 수 없음(판정 불가) 중
                         무엇인지 알립니다. --json은 {&quot;lesson&quot;: {..., &quot;seen&quot;, &quot;verdict&quot;, &quot;reasons&quot;},
                         &quot;runs&quot;: [reports]}를 출력합니다. 함께 준 설정 플래그가 레슨의 것보다 우선합니다.
                         --screenshot과 함께: 레슨의 실행이 끝난 뒤의 창, 레슨 패널이 앞에
                         (--no-run과 함께: 실행하기 전의 첫 화면)
</translation>
    </message>
    <message>
        <source>  --rehearse [N]         headless: play every lesson (or --lesson ID&apos;s) N times (1 to 100, default 5)
                         and print a table: seen / not seen / inconclusive, each expectation&apos;s range
                         and the reasons; --json prints {&quot;rehearsal&quot;: {...}}; also --rehearse=N
</source>
        <translation>  --rehearse [N]         창 없이: 모든 레슨(또는 --lesson ID의 레슨)을 N번 실행하고(1~100, 기본값 5)
                         표를 출력합니다: 확인됨 / 확인되지 않음 / 판정 불가, 예상마다 범위와
                         이유. --json은 {&quot;rehearsal&quot;: {...}}를 출력합니다. --rehearse=N도 됩니다
</translation>
    </message>
    <message>
        <source>--lesson-file needs a file name</source>
        <translation>--lesson-file에는 파일 이름이 필요합니다</translation>
    </message>
    <message>
        <source>  --lesson-file F.json   lessons of your own, added to the built-in ones (one with a built-in&apos;s id
                         replaces it) for --list-lessons, --lesson and the window; checked before
                         anything runs (schema: resources/lessons/README.md)
</source>
        <translation>  --lesson-file F.json   직접 만든 레슨을 기본 레슨에 더합니다 (기본 레슨과 id가 같으면
                         그 레슨을 대신합니다). --list-lessons, --lesson과 창에 쓰이며, 무엇이든
                         실행하기 전에 검사합니다 (스키마: resources/lessons/README.md)
</translation>
    </message>
    <message>
        <source>elements</source>
        <translation>요소</translation>
    </message>
    <message>
        <source>bins</source>
        <translation>구간</translation>
    </message>
    <message>
        <source>locks</source>
        <translation>락</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>µs</source>
        <translation>µs</translation>
    </message>
    <message>
        <source>per worker</source>
        <translation>작업자당</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1~%2</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 또는 %2</translation>
    </message>
    <message>
        <source>%1 (in the window: %2)</source>
        <translation>%1 (창에서는: %2)</translation>
    </message>
    <message>
        <source>%1; default %2</source>
        <translation>%1; 기본값 %2</translation>
    </message>
    <message>
        <source>%1: %2 is not a whole number (%3)</source>
        <translation>%1: %2은(는) 정수가 아닙니다 (%3)</translation>
    </message>
    <message>
        <source>%1: %2 is out of range (%3)</source>
        <translation>%1: %2은(는) 범위를 벗어났습니다 (%3)</translation>
    </message>
    <message>
        <source>%1: unknown value %2 (expected %3)</source>
        <translation>%1: 알 수 없는 값 %2 (가능한 값: %3)</translation>
    </message>
    <message>
        <source>%1: %2 is not a boolean (true|false)</source>
        <translation>%1: %2은(는) 불리언 값이 아닙니다 (true|false)</translation>
    </message>
    <message>
        <source>no display found, running headless (--screenshot OUT.png renders the window without one)</source>
        <translation>디스플레이가 없어 창 없이 실행합니다 (--screenshot OUT.png는 디스플레이 없이도 창을 그립니다)</translation>
    </message>
    <message>
        <source>no display found, printing the recording&apos;s reports (--screenshot OUT.png renders it without one)</source>
        <translation>디스플레이가 없어 기록 파일의 보고서를 출력합니다 (--screenshot OUT.png는 디스플레이 없이도 그립니다)</translation>
    </message>
    <message>
        <source>removed stale segment %1</source>
        <translation>남아 있던 세그먼트 %1을(를) 지웠습니다</translation>
    </message>
    <message>
        <source>left alone in /dev/shm: %1</source>
        <translation>/dev/shm에 그대로 둠: %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>경고: %1</translation>
    </message>
    <message>
        <source>this ShmScope was built without the window (SHMSCOPE_BUILD_GUI=OFF)</source>
        <translation>이 ShmScope는 창 없이 빌드되었습니다 (SHMSCOPE_BUILD_GUI=OFF)</translation>
    </message>
    <message>
        <source>cannot run the window&apos;s program %1</source>
        <translation>창 프로그램 %1을(를) 실행할 수 없습니다</translation>
    </message>
    <message>
        <source>%1: --screenshot and --bench-frames need it</source>
        <translation>%1: --screenshot과 --bench-frames에는 창이 필요합니다</translation>
    </message>
    <message>
        <source>%1, running headless</source>
        <translation>%1. 창 없이 실행합니다</translation>
    </message>
    <message>
        <source>--view: unknown value &apos;%1&apos; (expected window|progress|array|contention|sweep|side|collisions)</source>
        <translation>--view: 알 수 없는 값 &apos;%1&apos; (가능한 값: window|progress|array|contention|sweep|side|collisions)</translation>
    </message>
    <message>
        <source>      --view window|progress|array|contention|sweep|side|collisions   (default window;
                         side: the runs side by side; collisions: the first lost
                         update up close, at its lost write)
</source>
        <translation>      --view window|progress|array|contention|sweep|side|collisions   (기본값 window;
                         side: 실행을 나란히 보기; collisions: 첫 갱신 손실을
                         손실된 쓰기 시점에서 자세히 보기)
</translation>
    </message>
    <message>
        <source>left alone in /dev/shm: %1 more shmscope-&lt;pid&gt;-* files of dead pids that are not provably ShmScope&apos;s</source>
        <translation>/dev/shm에 그대로 둠: 종료된 pid의 shmscope-&lt;pid&gt;-* 파일 %1개 더 (ShmScope의 것인지 확인할 수 없음)</translation>
    </message>
    <message>
        <source>--array-range: %1 is past the array&apos;s end (%2)</source>
        <translation>--array-range: %1은(는) 배열의 끝(%2)을 넘습니다</translation>
    </message>
    <message>
        <source>--array-range: &apos;%1&apos; is not FIRST:LAST with FIRST &lt; LAST</source>
        <translation>--array-range: &apos;%1&apos;은(는) FIRST &lt; LAST인 FIRST:LAST가 아닙니다</translation>
    </message>
    <message>
        <source>--array-range needs FIRST:LAST</source>
        <translation>--array-range에는 FIRST:LAST가 필요합니다</translation>
    </message>
    <message>
        <source>      --array-range FIRST:LAST   the array plot shows elements FIRST to LAST - 1 (bins for
                         histogram) when the run starts, e.g. 500000000:500001000
</source>
        <translation>      --array-range FIRST:LAST   실행이 시작될 때 배열 그래프에 FIRST부터 LAST - 1까지의
                         원소(histogram은 빈)를 보여 줍니다. 예: 500000000:500001000
</translation>
    </message>
</context>
<context>
    <name>CollisionLanes</name>
    <message>
        <source>One lane per worker. R: its read of the bin (the value read); W: its write (the value written); the bar between them: the update under way. Faint: not happened yet at the step shown. Struck in red: the lost write. ← / → step.</source>
        <translation>작업자마다 한 줄입니다. R: 구간 읽기(읽은 값); W: 쓰기(쓴 값); 그 사이의 막대: 진행 중인 갱신. 흐리게: 표시된 단계에서 아직 일어나지 않음. 빨간 취소선: 손실된 쓰기. ← / →로 한 단계씩 이동합니다.</translation>
    </message>
    <message>
        <source>At the end of an unprotected histogram run (--workload histogram --sync none) its lost updates appear here: pick one, then step through it with ← and →.</source>
        <translation>보호하지 않은 히스토그램 실행(--workload histogram --sync none)이 끝나면 그 갱신 손실이 여기에 나타납니다: 하나를 골라 ←와 →로 한 단계씩 살펴보세요.</translation>
    </message>
    <message>
        <source>This run kept no log of its updates: %1</source>
        <translation>이 실행은 갱신 기록을 남기지 않았습니다: %1</translation>
    </message>
    <message>
        <source>No update lost yet at this moment of the run: the first is at %1 s.</source>
        <translation>실행의 이 시점에는 아직 갱신 손실이 없습니다: 첫 손실은 %1초에 있습니다.</translation>
    </message>
    <message>
        <source>No two updates of one bin by different workers were logged.</source>
        <translation>서로 다른 작업자가 같은 구간을 갱신한 기록이 없습니다.</translation>
    </message>
    <message>
        <source>bin %1 = %2</source>
        <translation>구간 %1 = %2</translation>
    </message>
    <message>
        <source>R %1</source>
        <translation>R %1</translation>
    </message>
    <message>
        <source>read %1, worker died before writing</source>
        <translation>%1 읽음, 작업자가 쓰기 전에 죽음</translation>
    </message>
    <message>
        <source>W %1 overwrites</source>
        <translation>W %1 덮어씀</translation>
    </message>
    <message>
        <source>W %1</source>
        <translation>W %1</translation>
    </message>
    <message>
        <source>+%1 ns</source>
        <translation>+%1 ns</translation>
    </message>
    <message>
        <source>time since the first read shown; long gaps drawn shorter</source>
        <translation>표시된 첫 읽기 이후의 시간; 긴 간격은 짧게 그림</translation>
    </message>
</context>
<context>
    <name>CollisionModel</name>
    <message>
        <source>rolled back</source>
        <translation>되돌림</translation>
    </message>
    <message>
        <source>overwritten</source>
        <translation>덮어씀</translation>
    </message>
    <message>
        <source>bin %1</source>
        <translation>구간 %1</translation>
    </message>
    <message>
        <source>bin %1 · %2 then %3 · nothing lost</source>
        <translation>구간 %1 · %2 다음 %3 · 손실 없음</translation>
    </message>
    <message>
        <source>bin %1 · %2 lost to %3 · rolled back (%4 updates)</source>
        <translation>구간 %1 · %3 때문에 %2 손실 · 되돌림 (갱신 %4건)</translation>
    </message>
    <message>
        <source>bin %1 · %2 lost to %3 · %4</source>
        <translation>구간 %1 · %3 때문에 %2 손실 · %4</translation>
    </message>
    <message>
        <source>Nothing lost: the second update read what the first wrote. %1 wrote %2 into bin %3; %4 read that %2 %5 later and wrote %6. Their bars do not overlap: one update after the other, as a lock or an atomic makes them.</source>
        <translation>손실 없음: 두 번째 갱신이 첫 번째 갱신이 쓴 값을 읽었습니다. %1이(가) 구간 %3에 %2을(를) 썼고, %4이(가) %5 뒤에 그 %2을(를) 읽어 %6을(를) 썼습니다. 두 막대는 겹치지 않습니다: 락이나 원자적 갱신이 그러하듯 한 갱신이 끝난 뒤에 다른 갱신이 이어집니다.</translation>
    </message>
    <message>
        <source>Rolled back: %1 read %2 and wrote %3 only later, after %4 and others had taken bin %5 further. Its stale write took the bin back, undoing %6 updates, %4&apos;s among them.</source>
        <translation>되돌림: %1이(가) %2을(를) 읽고 한참 뒤에야 %3을(를) 썼는데, 그사이 %4 등이 구간 %5을(를) 더 올려 놓았습니다. 이 낡은 쓰기가 구간을 되돌려, %4의 갱신을 포함해 갱신 %6건을 없던 일로 만들었습니다.</translation>
    </message>
    <message>
        <source>Overwritten: %1 and %2 both read %3 from bin %4 and both wrote %5 — two updates, and the bin went up by one. %2 wrote last, over a value it had never read: %1&apos;s update is lost.</source>
        <translation>덮어씀: %1과(와) %2이(가) 모두 구간 %4에서 %3을(를) 읽고 모두 %5을(를) 썼습니다 — 갱신은 두 번인데 구간은 1만 늘었습니다. %2이(가) 읽은 적 없는 값 위에 마지막으로 썼습니다: %1의 갱신이 손실되었습니다.</translation>
    </message>
    <message>
        <source>Overwritten: %1 wrote %2 into bin %3; %4 then wrote over it without having read it: %1&apos;s update is lost.</source>
        <translation>덮어씀: %1이(가) 구간 %3에 %2을(를) 썼고, 이어서 %4이(가) 그 값을 읽지 않은 채 덮어썼습니다: %1의 갱신이 손실되었습니다.</translation>
    </message>
    <message>
        <source>Step %1 of %2: </source>
        <translation>단계 %1/%2: </translation>
    </message>
    <message>
        <source>%1 reads %2 from bin %3</source>
        <translation>%1이(가) 구간 %3에서 %2을(를) 읽습니다</translation>
    </message>
    <message>
        <source> — and its worker died before writing</source>
        <translation> — 그리고 작업자가 쓰기 전에 죽었습니다</translation>
    </message>
    <message>
        <source>%1 writes %2 into bin %3</source>
        <translation>%1이(가) 구간 %3에 %2을(를) 씁니다</translation>
    </message>
    <message>
        <source> — this write is lost: %1 writes over it later without having read it</source>
        <translation> — 이 쓰기는 손실됩니다: 나중에 %1이(가) 이 값을 읽지 않은 채 덮어씁니다</translation>
    </message>
    <message>
        <source> — a stale value: the bin goes back from %1 to %2</source>
        <translation> — 낡은 값입니다: 구간이 %1에서 %2(으)로 되돌아갑니다</translation>
    </message>
    <message>
        <source> — over %1&apos;s update, which it never read: that update is lost</source>
        <translation> — 읽은 적 없는 %1의 갱신을 덮어씁니다: 그 갱신은 손실됩니다</translation>
    </message>
    <message>
        <source>Not logged: %1</source>
        <translation>기록되지 않음: %1</translation>
    </message>
    <message>
        <source>No update lost among the %1 logged updates.</source>
        <translation>기록된 갱신 %1건 중 손실된 갱신은 없습니다.</translation>
    </message>
    <message>
        <source>%1 lost updates explained (%2 overwritten, %3 rolled back)</source>
        <translation>갱신 손실 %1건 설명됨 (덮어씀 %2, 되돌림 %3)</translation>
    </message>
    <message>
        <source>; %1 not explained: %2</source>
        <translation>; %1건은 설명되지 않음: %2</translation>
    </message>
</context>
<context>
    <name>CollisionView</name>
    <message>
        <source>Collisions up close</source>
        <translation>충돌 자세히 보기</translation>
    </message>
    <message>
        <source>The run&apos;s lost updates, first by time (or, when none was lost, the two updates of one bin by different workers that came closest). Clicking a hatched bin in the array picks its first one.</source>
        <translation>실행의 갱신 손실을 시간순으로 보여 줍니다(손실이 없으면 서로 다른 작업자가 같은 구간을 가장 가까운 시점에 갱신한 두 갱신). 배열에서 빗금 친 구간을 클릭하면 그 구간의 첫 손실을 고릅니다.</translation>
    </message>
    <message>
        <source>◀ Step</source>
        <translation>◀ 단계</translation>
    </message>
    <message>
        <source>The previous access (←)</source>
        <translation>이전 접근 (←)</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>단계 ▶</translation>
    </message>
    <message>
        <source>The next access (→)</source>
        <translation>다음 접근 (→)</translation>
    </message>
</context>
<context>
    <name>ContentionModel</name>
    <message>
        <source>Worker</source>
        <translation>작업자</translation>
    </message>
    <message>
        <source>Acquisitions</source>
        <translation>획득</translation>
    </message>
    <message>
        <source>Contended</source>
        <translation>경합</translation>
    </message>
    <message>
        <source>Mean wait</source>
        <translation>평균 대기</translation>
    </message>
    <message>
        <source>Max wait</source>
        <translation>최대 대기</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>Holding</source>
        <translation>보유</translation>
    </message>
    <message>
        <source>Computing</source>
        <translation>계산</translation>
    </message>
    <message>
        <source>Dropped events</source>
        <translation>놓친 이벤트</translation>
    </message>
</context>
<context>
    <name>ContentionView</name>
    <message>
        <source>acquisitions/s</source>
        <translation>획득/초</translation>
    </message>
    <message>
        <source>acquisitions contended</source>
        <translation>경합한 획득</translation>
    </message>
    <message>
        <source>busy time waiting</source>
        <translation>작업 시간 중 대기</translation>
    </message>
    <message>
        <source>mean wait</source>
        <translation>평균 대기</translation>
    </message>
    <message>
        <source>max wait</source>
        <translation>최대 대기</translation>
    </message>
    <message>
        <source>CPU burned waiting</source>
        <translation>대기에 쓴 CPU</translation>
    </message>
    <message>
        <source>events dropped</source>
        <translation>놓친 이벤트</translation>
    </message>
    <message>
        <source>Lock acquisitions per second, all workers together.</source>
        <translation>초당 락 획득 횟수 (모든 작업자 합계).</translation>
    </message>
    <message>
        <source>Contended: share of acquisitions (a count) that found the lock taken and had to wait. JSON: lock.contended_percent.</source>
        <translation>경합: 락이 이미 잡혀 있어 기다려야 했던 획득의 비율(횟수 기준). JSON: lock.contended_percent.</translation>
    </message>
    <message>
        <source>Lock wait: share of the workers&apos; busy time spent waiting for the lock. JSON: lock.wait_share.</source>
        <translation>락 대기: 작업자의 작업 시간 중 락을 기다리며 보낸 비율. JSON: lock.wait_share.</translation>
    </message>
    <message>
        <source>Average wait of a contended acquisition.</source>
        <translation>경합한 획득 한 번의 평균 대기 시간.</translation>
    </message>
    <message>
        <source>Longest single wait for the lock.</source>
        <translation>락을 가장 오래 기다린 한 번의 시간.</translation>
    </message>
    <message>
        <source>CPU time the workers burned while waiting for the lock, at least: their CPU time minus the time they spent not waiting. A spin lock burns its waits; a mutex sleeps through them. JSON: cpu_waiting_seconds.</source>
        <translation>작업자가 락을 기다리며 쓴 CPU 시간의 하한: CPU 시간에서 기다리지 않은 시간을 뺀 값. 스핀 락은 기다리는 동안 CPU를 쓰고, 뮤텍스는 잠들어 기다립니다. JSON: cpu_waiting_seconds.</translation>
    </message>
    <message>
        <source>Lock events the workers could not record because their ring was full: the timeline and the histogram miss these (and say so); the counters do not.</source>
        <translation>링 버퍼가 가득 차서 작업자가 기록하지 못한 락 이벤트입니다. 타임라인과 히스토그램에는 빠지지만 (그렇다고 표시됩니다) 카운터에는 빠지지 않습니다.</translation>
    </message>
    <message>
        <source>Lock contention</source>
        <translation>락 경합</translation>
    </message>
    <message>
        <source>Per worker: time computing (pale worker colour), waiting for the lock (dark red) and holding it (solid worker colour).</source>
        <translation>작업자별: 계산한 시간(옅은 작업자 색), 락을 기다린 시간(진한 빨강), 락을 보유한 시간(작업자 색).</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>시간 (초)</translation>
    </message>
    <message>
        <source>Time per worker</source>
        <translation>작업자별 시간</translation>
    </message>
    <message>
        <source>compute</source>
        <translation>계산</translation>
    </message>
    <message>
        <source>wait</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>보유</translation>
    </message>
    <message>
        <source>Wait times</source>
        <translation>대기 시간</translation>
    </message>
    <message>
        <source>wait (log scale)</source>
        <translation>대기 (로그 눈금)</translation>
    </message>
    <message>
        <source>acquisitions</source>
        <translation>획득</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Lock timings are off.</source>
        <translation>락 시간 측정이 꺼져 있습니다.</translation>
    </message>
    <message>
        <source>sync = %1 takes a lock, but this run was started with --no-instrument (&quot;Record lock timings&quot; unchecked), so acquisitions, waits, holds and the timeline were not measured.</source>
        <translation>sync = %1은(는) 락을 잡지만, 이 실행은 --no-instrument(&quot;락 시간 기록&quot; 해제)로 시작되어 획득, 대기, 보유와 타임라인을 측정하지 않았습니다.</translation>
    </message>
    <message>
        <source>Messages, not locks.</source>
        <translation>락이 아니라 메시지입니다.</translation>
    </message>
    <message>
        <source>transport = mpi: rank 0 alone writes the shared array; the other ranks compute in their own memory and send it their results. The timeline shows each rank&apos;s sends (rank 0: receiving them); below it, where each rank&apos;s time went.</source>
        <translation>transport = mpi: 공유 배열에는 랭크 0만 씁니다. 다른 랭크는 자기 메모리에서 계산하고 결과를 랭크 0에 보냅니다. 타임라인은 각 랭크의 전송(랭크 0: 수신)을, 그 아래는 각 랭크의 시간이 어디에 쓰였는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>No lock on the array.</source>
        <translation>배열에 락이 없습니다.</translation>
    </message>
    <message>
        <source>transport = queue: the workers send their results through a message queue and the app writes the array itself. The cost is in the copies and in waiting for room: see the queue bar above the array.</source>
        <translation>transport = queue: 작업자는 결과를 메시지 큐로 보내고 배열은 앱이 직접 씁니다. 비용은 복사와 빈자리를 기다리는 데서 생깁니다. 배열 위의 큐 막대를 보세요.</translation>
    </message>
    <message>
        <source>No lock is taken.</source>
        <translation>락을 잡지 않습니다.</translation>
    </message>
    <message>
        <source>transport = private: each worker writes its own copy-on-write copy of the array, so nothing it writes is shared (or seen).</source>
        <translation>transport = private: 각 작업자는 배열의 copy-on-write 복사본에 쓰므로, 쓴 것이 공유되지 않습니다(보이지도 않습니다).</translation>
    </message>
    <message>
        <source>Counters: each worker writes only its own counter, so there is nothing to lock. What slows them down is the cache line they share: see Shared counters.</source>
        <translation>카운터: 각 작업자는 자기 카운터에만 쓰므로 락을 잡을 것이 없습니다. 느려지는 이유는 함께 쓰는 캐시 라인입니다. 공유 카운터를 보세요.</translation>
    </message>
    <message>
        <source>sync = atomic: every update is a single atomic instruction, so nobody waits for a lock. Below: where each worker&apos;s time went.</source>
        <translation>sync = atomic: 모든 갱신이 원자적 명령 하나이므로 아무도 락을 기다리지 않습니다. 아래: 각 작업자의 시간이 어디에 쓰였는지.</translation>
    </message>
    <message>
        <source>sync = none: workers write without any synchronisation. Shared updates (histogram) can be lost; the array plot shows the damage. Below: where each worker&apos;s time went.</source>
        <translation>sync = none: 작업자가 아무 동기화 없이 씁니다. 공유 갱신(histogram)은 손실될 수 있고, 배열 그래프에 그 피해가 보입니다. 아래: 각 작업자의 시간이 어디에 쓰였는지.</translation>
    </message>
    <message>
        <source>Wait times
partial: %1 of %2</source>
        <translation>대기 시간
일부: %2개 중 %1개</translation>
    </message>
    <message>
        <source>How long contended acquisitions waited, in log-scaled buckets (three per decade), from the recorded lock events. When workers dropped events (ring full), the title says how many of the waits the exact counters saw are in it. Hatched: waits that never ended (a dead or stopped holder, a stop), or go on now, in the bucket of their length so far: each waited at least that long.</source>
        <translation>경합한 획득이 기다린 시간을 로그 눈금 구간(10배마다 3개)으로 나눈 것으로, 기록된 락 이벤트에서 셉니다. 작업자가 이벤트를 놓쳤으면(링 버퍼 가득 참) 정확한 카운터가 본 대기 중 몇 개가 들어 있는지 제목에 나옵니다. 빗금: 끝나지 않은 대기(락을 쥔 작업자가 죽었거나 멈췄을 때, 실행을 멈췄을 때)나 지금도 이어지는 대기로, 지금까지의 길이에 해당하는 구간에 들어갑니다. 적어도 그만큼은 기다린 것입니다.</translation>
    </message>
    <message>
        <source>waited, then acquired</source>
        <translation>기다린 뒤 획득</translation>
    </message>
    <message>
        <source>still waiting (at the end, or now)</source>
        <translation>아직 대기 중 (끝날 때, 또는 지금)</translation>
    </message>
    <message>
        <source>%1 workers share %2 cores</source>
        <translation>작업자 %1개가 코어 %2개를 나눠 썼습니다</translation>
    </message>
    <message>
        <source>other programs had the cores</source>
        <translation>다른 프로그램이 코어를 쓰고 있었습니다</translation>
    </message>
    <message>
        <source>CPU time is %1 of the workers&apos; wall time.</source>
        <translation>CPU 시간은 작업자 경과 시간의 %1입니다.</translation>
    </message>
    <message>
        <source>The gap is slow motion: the workers slept %1 of their time in it (%2).</source>
        <translation>그 차이는 슬로 모션입니다: 작업자는 시간의 %1 동안 슬로 모션으로 잠들어 있었습니다 (%2).</translation>
    </message>
    <message>
        <source>Slow motion (%1) is spun on the CPU, so its %2 of the time counts as CPU time.</source>
        <translation>슬로 모션(%1)은 CPU에서 스핀하며 기다리므로, 그 시간(전체의 %2)은 CPU 시간에 들어갑니다.</translation>
    </message>
    <message>
        <source>For %1 more the workers were off the CPU beyond their delays: sleeps overshoot, and %2.</source>
        <translation>작업자는 지연 외에도 시간의 %1 동안 더 CPU 밖에 있었습니다: 잠은 요청한 것보다 길어지고, %2.</translation>
    </message>
    <message>
        <source>For %1 of their time the workers were ready to run but not running: %2.</source>
        <translation>작업자는 시간의 %1 동안 실행할 준비가 되었는데도 실행되지 않았습니다: %2.</translation>
    </message>
</context>
<context>
    <name>ControlsPanel</name>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Create the segment and start the workers (Space).</source>
        <translation>세그먼트를 만들고 작업자를 시작합니다 (Space).</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Pause or resume all workers at their next batch (Space).</source>
        <translation>모든 작업자를 다음 묶음에서 일시 정지하거나 다시 시작합니다 (Space).</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Ask the workers to stop; they are killed if they do not within 3 s (Esc).</source>
        <translation>작업자에게 멈추라고 요청합니다. 3초 안에 멈추지 않으면 강제 종료합니다 (Esc).</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Forget the finished run and clear the views.</source>
        <translation>끝난 실행을 잊고 보기를 비웁니다.</translation>
    </message>
    <message>
        <source>Kill worker now</source>
        <translation>지금 작업자 강제 종료</translation>
    </message>
    <message>
        <source>Strike the worker chosen under Fault injection now (with When = holding: at its next lock acquisition, inside the critical section), as Action says: kill (SIGKILL: no chance to release anything), stop (SIGSTOP) or hang (it keeps running but publishes nothing).</source>
        <translation>결함 주입에서 고른 작업자에게 지금(When = holding이면 다음 락 획득 때, 임계 구역 안에서) Action대로 합니다: kill(SIGKILL: 아무것도 놓을 기회가 없음), stop(SIGSTOP), hang(계속 돌지만 아무것도 알리지 않음).</translation>
    </message>
    <message>
        <source>Continue suspended worker</source>
        <translation>일시 정지된 작업자 계속</translation>
    </message>
    <message>
        <source>A worker is stopped (SIGSTOP): send it SIGCONT before the suspend limit fails the run.</source>
        <translation>작업자가 멈춰 있습니다(SIGSTOP). 정지 한도가 실행을 실패시키기 전에 SIGCONT를 보내세요.</translation>
    </message>
    <message>
        <source>Pin this run (A/B)</source>
        <translation>이 실행 고정 (A/B)</translation>
    </message>
    <message>
        <source>Keep this finished run&apos;s figures: the next runs show theirs beside them, with the ratios, above the views (Ctrl+P).</source>
        <translation>끝난 이 실행의 수치를 남겨 둡니다. 다음 실행들은 보기 위에 자기 수치를 이 옆에 비율과 함께 보여 줍니다 (Ctrl+P).</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Stop worker now</source>
        <translation>지금 작업자 일시 정지</translation>
    </message>
    <message>
        <source>Hang worker now</source>
        <translation>지금 작업자 멈춤</translation>
    </message>
</context>
<context>
    <name>CountersCanvas</name>
    <message>
        <source>counters appear here during a run</source>
        <translation>실행 중에 여기에 카운터가 나타납니다</translation>
    </message>
    <message>
        <source>One row per 64-byte cache line; a cell is 8 bytes</source>
        <translation>64바이트 캐시 라인마다 한 줄, 한 칸은 8바이트</translation>
    </message>
    <message>
        <source>line %1  bytes %2–%3</source>
        <translation>라인 %1  바이트 %2–%3</translation>
    </message>
    <message>
        <source>… %1 more lines</source>
        <translation>… 라인 %1개 더</translation>
    </message>
    <message>
        <source>ns per increment: busy (wall) time ÷ increments (its own CPU time ÷ increments) · count so far</source>
        <translation>증가 1회당 ns: 작업(경과) 시간 ÷ 증가 횟수 (자기 CPU 시간 ÷ 증가 횟수) · 지금까지 센 수</translation>
    </message>
    <message>
        <source>%1 ns (CPU %2 ns) · %3 of %4</source>
        <translation>%1 ns (CPU %2 ns) · %3 / %4</translation>
    </message>
</context>
<context>
    <name>CountersView</name>
    <message>
        <source>Shared counters</source>
        <translation>공유 카운터</translation>
    </message>
    <message>
        <source>Counters workload: each worker increments only its own counter, yet counters that share a cache line (packed) make the cores pass the line back and forth on every store: false sharing. Padded gives each counter its own line.</source>
        <translation>counters 작업: 각 작업자는 자기 카운터만 증가시키지만, 캐시 라인을 함께 쓰는 카운터(packed)는 저장할 때마다 코어끼리 그 라인을 주고받게 합니다. 이것이 거짓 공유입니다. padded는 카운터마다 라인을 따로 줍니다.</translation>
    </message>
    <message>
        <source>Run the counters workload to see false sharing.</source>
        <translation>counters 작업을 실행하면 거짓 공유가 보입니다.</translation>
    </message>
    <message>
        <source>padded: each counter on a 128-byte line of its own — no line is shared</source>
        <translation>padded: 카운터마다 128바이트 라인을 따로 씁니다 — 함께 쓰는 라인이 없습니다</translation>
    </message>
    <message>
        <source>packed: %1 counters on %2 cache line(s), up to %3 on one line — every store takes the line away from the other cores (false sharing)</source>
        <translation>packed: 카운터 %1개가 캐시 라인 %2개에, 한 라인에 최대 %3개 — 저장할 때마다 다른 코어에서 라인을 빼앗습니다 (거짓 공유)</translation>
    </message>
    <message>
        <source>%1 · %2 ns per increment overall (wall time), %3 ns of CPU time</source>
        <translation>%1 · 전체 증가 1회당 %2 ns (경과 시간), CPU 시간 %3 ns</translation>
    </message>
</context>
<context>
    <name>GracefulSignals</name>
    <message>
        <source>%1 from the terminal</source>
        <translation>터미널에서 보낸 %1</translation>
    </message>
    <message>
        <source>%1 from ShmScope itself</source>
        <translation>ShmScope 자신이 보낸 %1</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>pid %1 (%2)</source>
        <translation>pid %1 (%2)</translation>
    </message>
    <message>
        <source>%1 from %2, user %3</source>
        <translation>사용자 %3의 %2이(가) 보낸 %1</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%2이(가) 보낸 %1</translation>
    </message>
</context>
<context>
    <name>LessonHeadless</name>
    <message>
        <source>  %1 %2 %3 %4: observed %5</source>
        <extracomment>A lesson&apos;s expectation: &quot;✓ A.lost_updates &gt; 0: observed 1234&quot;</extracomment>
        <translation>  %1 %2 %3 %4: 관측값 %5</translation>
    </message>
    <message>
        <source>Look for:</source>
        <translation>살펴볼 점:</translation>
    </message>
    <message>
        <source>run %1: %2, compute %3 s, CPU %4 s, mismatches %5, unwritten %6, lost updates %7%8</source>
        <translation>실행 %1: %2, 계산 %3초, CPU %4초, 불일치 %5, 쓰이지 않음 %6, 갱신 손실 %7%8</translation>
    </message>
    <message>
        <source>lesson %1, run %2 ...</source>
        <translation>레슨 %1, 실행 %2 ...</translation>
    </message>
    <message>
        <source>lesson &apos;%1&apos; run %2: %3</source>
        <translation>레슨 &apos;%1&apos; 실행 %2: %3</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>The lesson: each shows one effect with real runs.</source>
        <translation>레슨: 각 레슨은 실제 실행으로 효과 하나를 보여 줍니다.</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Previous lesson (Ctrl+PgUp)</source>
        <translation>이전 레슨 (Ctrl+PgUp)</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next lesson (Ctrl+PgDown)</source>
        <translation>다음 레슨 (Ctrl+PgDown)</translation>
    </message>
    <message>
        <source>Run lesson</source>
        <translation>레슨 실행</translation>
    </message>
    <message>
        <source>Run the lesson&apos;s runs one after the other, then say whether the effect was seen (Ctrl+L)</source>
        <translation>레슨의 실행을 차례로 돌린 뒤, 효과가 확인되었는지 알려 줍니다 (Ctrl+L)</translation>
    </message>
    <message>
        <source>Next run ▶</source>
        <translation>다음 실행 ▶</translation>
    </message>
    <message>
        <source>Start the lesson&apos;s next run (N)</source>
        <translation>레슨의 다음 실행을 시작합니다 (N)</translation>
    </message>
    <message>
        <source>Pause after each run</source>
        <translation>실행마다 멈추기</translation>
    </message>
    <message>
        <source>After each run the lesson waits for Next run (N), so each run can be looked at as long as needed</source>
        <translation>실행이 끝날 때마다 레슨이 다음 실행(N)을 기다리므로, 각 실행을 원하는 만큼 살펴볼 수 있습니다</translation>
    </message>
    <message>
        <source>run %1 could not start: %2</source>
        <translation>실행 %1을(를) 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Stop lesson</source>
        <translation>레슨 중지</translation>
    </message>
    <message>
        <source>run %1 of %2 (%3) done — &lt;b&gt;Next run&lt;/b&gt; (N) starts %4</source>
        <translation>실행 %1/%2 (%3) 끝남 — &lt;b&gt;다음 실행&lt;/b&gt;(N)이 %4을(를) 시작합니다</translation>
    </message>
    <message>
        <source>run %1 of %2: %3</source>
        <translation>실행 %1/%2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>실행 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;h3&gt;Lessons&lt;/h3&gt;&lt;p&gt;Pick a lesson above: each one tells a story, says what to look for, and runs real workers to show the effect with measured figures.&lt;/p&gt;&lt;p&gt;Or set up your own experiment under Controls and press &lt;b&gt;Start&lt;/b&gt; (Space).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;레슨&lt;/h3&gt;&lt;p&gt;위에서 레슨을 고르세요. 레슨마다 이야기를 들려주고, 살펴볼 점을 알려 주고, 실제 작업자를 돌려 측정한 수치로 효과를 보여 줍니다.&lt;/p&gt;&lt;p&gt;또는 제어판에서 직접 실험을 설정하고 &lt;b&gt;시작&lt;/b&gt;(Space)을 누르세요.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Look for:</source>
        <translation>살펴볼 점:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>compute s</source>
        <translation>계산 초</translation>
    </message>
    <message>
        <source>CPU s</source>
        <translation>CPU 초</translation>
    </message>
    <message>
        <source>imbalance</source>
        <translation>불균형</translation>
    </message>
    <message>
        <source>mismatches</source>
        <translation>불일치</translation>
    </message>
    <message>
        <source>unwritten</source>
        <translation>쓰이지 않음</translation>
    </message>
    <message>
        <source>lost updates</source>
        <translation>갱신 손실</translation>
    </message>
    <message>
        <source>contended</source>
        <translation>경합</translation>
    </message>
    <message>
        <source>CPU waiting s</source>
        <translation>대기 CPU 초</translation>
    </message>
    <message>
        <source>observed %1</source>
        <translation>관측값 %1</translation>
    </message>
</context>
<context>
    <name>LessonVerdict</name>
    <message>
        <source>requires %1</source>
        <translation>전제 조건 %1</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <source>Not seen</source>
        <translation>확인되지 않음</translation>
    </message>
    <message>
        <source>Inconclusive</source>
        <translation>판정 불가</translation>
    </message>
    <message>
        <source>%1 was not measured</source>
        <translation>%1은(는) 측정되지 않았습니다</translation>
    </message>
    <message>
        <source>%1 was %2, needed %3 %4</source>
        <translation>%1은(는) %2, 필요: %3 %4</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>%1 %2 %3: observed %4</source>
        <translation>%1 %2 %3: 관측값 %4</translation>
    </message>
    <message>
        <source>%1: observed %2, needed %3 %4</source>
        <translation>%1: 관측값 %2, 필요: %3 %4</translation>
    </message>
    <message>
        <source>(%1 % short)</source>
        <translation>(%1 % 부족)</translation>
    </message>
    <message>
        <source>(%1 % over)</source>
        <translation>(%1 % 초과)</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>강제 종료됨</translation>
    </message>
</context>
<context>
    <name>LockTimeline</name>
    <message>
        <source>Lock timeline. Top lane(s): who holds the lock (or each stripe) in the holder&apos;s colour; bar height = share of the time it was held. Per worker: dark red = waiting for the lock, colour = holding it, bar height = share of the time. Wheel: zoom, drag: pan, double-click: follow the newest events.</source>
        <translation>락 타임라인. 맨 위 줄: 락(또는 스트라이프마다)을 누가 보유했는지 보유자의 색으로 표시하고, 막대 높이 = 보유한 시간의 비율. 작업자별: 진한 빨강 = 락 대기, 작업자 색 = 보유, 막대 높이 = 시간의 비율. 휠: 확대/축소, 드래그: 이동, 더블클릭: 최신 이벤트 따라가기.</translation>
    </message>
    <message>
        <source>Message timeline (--transport mpi). Per rank: its sends of results to rank 0 (rank 0: receiving them and copying them into the shared array); dark red on rank 0 = waiting for a message. Gaps are computing. Wheel: zoom, drag: pan, double-click: follow the newest events.</source>
        <translation>메시지 타임라인 (--transport mpi). 랭크별: 랭크 0으로 결과를 보낸 구간(랭크 0: 받아서 공유 배열에 복사한 구간). 랭크 0의 진한 빨강 = 메시지 대기. 빈 곳은 계산입니다. 휠: 확대/축소, 드래그: 이동, 더블클릭: 최신 이벤트 따라가기.</translation>
    </message>
    <message>
        <source>Message timeline</source>
        <translation>메시지 타임라인</translation>
    </message>
    <message>
        <source>Lock timeline</source>
        <translation>락 타임라인</translation>
    </message>
    <message>
        <source>r0 waiting for messages</source>
        <translation>r0 메시지 대기</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>sending (r0: receiving)</source>
        <translation>전송 (r0: 수신)</translation>
    </message>
    <message>
        <source>holding (worker colour)</source>
        <translation>보유 (작업자 색)</translation>
    </message>
    <message>
        <source>following · wheel: zoom · drag: pan</source>
        <translation>따라가는 중 · 휠: 확대/축소 · 드래그: 이동</translation>
    </message>
    <message>
        <source>wheel: zoom · drag: pan</source>
        <translation>휠: 확대/축소 · 드래그: 이동</translation>
    </message>
    <message>
        <source>paused view · double-click: follow again</source>
        <translation>멈춘 보기 · 더블클릭: 다시 따라가기</translation>
    </message>
    <message>
        <source>double-click: follow</source>
        <translation>더블클릭: 따라가기</translation>
    </message>
    <message>
        <source>messages appear here during a run</source>
        <translation>실행 중에 여기에 메시지가 나타납니다</translation>
    </message>
    <message>
        <source>lock events appear here during a run</source>
        <translation>실행 중에 여기에 락 이벤트가 나타납니다</translation>
    </message>
    <message>
        <source>partial: %1 events dropped</source>
        <translation>일부: 이벤트 %1개 놓침</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>락</translation>
    </message>
    <message>
        <source>stripes</source>
        <translation>스트라이프</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>보내는 중</translation>
    </message>
    <message>
        <source>holding</source>
        <translation>보유 중</translation>
    </message>
    <message>
        <source>rank 0&apos;s clock</source>
        <translation>rank 0의 시계</translation>
    </message>
    <message>
        <source>clock placed to ±%1</source>
        <translation>시계를 ±%1 안으로 맞춤</translation>
    </message>
    <message>
        <source>%1 workers a lane</source>
        <translation>한 줄에 작업자 %1개</translation>
    </message>
</context>
<context>
    <name>MachineDialog</name>
    <message>
        <source>About This Machine</source>
        <translation>이 기계 정보</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>수치</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>이 기계</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>의미</translation>
    </message>
    <message>
        <source>&amp;Measure Again</source>
        <translation>다시 측정(&amp;M)</translation>
    </message>
    <message>
        <source>Keeps two CPUs busy for under a second; not while a run is going</source>
        <translation>CPU 두 개를 1초 미만 동안 바쁘게 합니다. 실행이 진행 중일 때는 할 수 없습니다</translation>
    </message>
    <message>
        <source>Not while a run is going: the probe would take CPUs from its workers. Measure again when it has ended.</source>
        <translation>실행이 진행 중일 때는 할 수 없습니다: 측정이 실행의 작업자에게서 CPU를 빼앗기 때문입니다. 실행이 끝난 뒤에 다시 측정하세요.</translation>
    </message>
    <message>
        <source>Measuring… (under a second)</source>
        <translation>측정하는 중… (1초 미만)</translation>
    </message>
</context>
<context>
    <name>MachineTexts</name>
    <message>
        <source>This machine has not been measured yet.</source>
        <translation>이 기계는 아직 측정하지 않았습니다.</translation>
    </message>
    <message>
        <source>The cost of a cache line passed between two CPUs could not be measured: %1.</source>
        <translation>두 CPU 사이를 오가는 캐시 라인의 비용을 측정할 수 없었습니다: %1.</translation>
    </message>
    <message>
        <source>A cache line passed between two CPUs costs %1× a private one: false sharing can be seen here.</source>
        <translation>두 CPU 사이를 오가는 캐시 라인의 비용은 한 CPU만 쓰는 라인의 %1×입니다: 이 기계에서는 거짓 공유를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>A cache line passed between two CPUs costs about the same as a private one (%1×): this machine cannot show false sharing (its two CPUs probably share one core and its cache).</source>
        <translation>두 CPU 사이를 오가는 캐시 라인의 비용이 한 CPU만 쓰는 라인과 거의 같습니다 (%1×): 이 기계에서는 거짓 공유를 볼 수 없습니다 (두 CPU가 아마 코어 하나와 그 캐시를 함께 쓰는 것 같습니다).</translation>
    </message>
    <message>
        <source>Not measured yet.</source>
        <translation>아직 측정하지 않았습니다.</translation>
    </message>
    <message>
        <source>Measured %1 in %2 s; kept until the machine restarts.</source>
        <translation>%1에 %2초 동안 측정했습니다. 기계를 다시 시작할 때까지 보관합니다.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>CPUs online</source>
        <translation>사용 가능한 CPU</translation>
    </message>
    <message numerus="yes">
        <source>The operating system may run workers on %n CPU(s).</source>
        <translation>
            <numerusform>운영 체제는 작업자를 CPU %n개에서 실행할 수 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not be measured.</source>
        <translation>측정할 수 없었습니다.</translation>
    </message>
    <message>
        <source>All of them ran busy threads at the same time.</source>
        <translation>모든 CPU가 동시에 바쁜 스레드를 실행했습니다.</translation>
    </message>
    <message>
        <source>Only about %1 of them were free when measured: other programs used the rest, so runs with more workers than that take turns.</source>
        <translation>측정할 때 그중 약 %1개만 비어 있었습니다: 나머지는 다른 프로그램이 썼으므로, 작업자가 그보다 많은 실행은 CPU를 번갈아 씁니다.</translation>
    </message>
    <message>
        <source>CPUs running at once</source>
        <translation>동시에 도는 CPU</translation>
    </message>
    <message>
        <source>%1× (%2 vs %3 ns per increment)</source>
        <translation>%1× (증가 1회당 %2 대 %3 ns)</translation>
    </message>
    <message>
        <source>Cache line between two CPUs</source>
        <translation>두 CPU 사이의 캐시 라인</translation>
    </message>
    <message>
        <source>unpinned</source>
        <translation>CPU 고정 없음</translation>
    </message>
    <message>
        <source>CPUs %1</source>
        <translation>CPU %1</translation>
    </message>
    <message>
        <source>Two threads ran together</source>
        <translation>두 스레드 동시 실행</translation>
    </message>
    <message>
        <source>The share of the measurement in which both threads ran at once; only those stretches count.</source>
        <translation>측정 중 두 스레드가 동시에 돈 시간의 비율. 그 구간만 셉니다.</translation>
    </message>
    <message>
        <source>%1 ns (steps of %2 ns)</source>
        <translation>%1 ns (%2 ns 단위)</translation>
    </message>
    <message>
        <source>Clock resolution</source>
        <translation>시계 해상도</translation>
    </message>
    <message>
        <source>The shortest wait or hold a lock event can show; two readings of the clock are at least a step apart.</source>
        <translation>락 이벤트가 보여 줄 수 있는 가장 짧은 대기나 보유 시간. 시계를 두 번 읽으면 적어도 한 단위만큼 차이 납니다.</translation>
    </message>
    <message>
        <source>, huge pages</source>
        <translation>, 대용량 페이지</translation>
    </message>
    <message>
        <source>, 4 KiB pages</source>
        <translation>, 4 KiB 페이지</translation>
    </message>
    <message>
        <source>/dev/shm</source>
        <translation>/dev/shm</translation>
    </message>
    <message>
        <source>The shared array sits on huge pages: fewer page faults when a run starts writing it.</source>
        <translation>공유 배열이 대용량 페이지(huge page)에 있습니다: 실행이 배열에 쓰기 시작할 때 페이지 폴트가 적습니다.</translation>
    </message>
    <message>
        <source>The shared array sits on ordinary pages: a run&apos;s first writes to it fault each page in.</source>
        <translation>공유 배열이 보통 페이지에 있습니다: 실행이 배열에 처음 쓸 때 페이지마다 페이지 폴트가 일어납니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export Window…</source>
        <translation>창 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;Progress View…</source>
        <translation>진행 보기 내보내기(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;Array Plot…</source>
        <translation>배열 그래프 내보내기(&amp;A)…</translation>
    </message>
    <message>
        <source>Export &amp;Contention View…</source>
        <translation>경합 보기 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>Export &amp;Sweep View…</source>
        <translation>스윕 보기 내보내기(&amp;S)…</translation>
    </message>
    <message>
        <source>Export Sweep &amp;Points (CSV)…</source>
        <translation>스윕 지점 내보내기 (CSV)(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;Results</source>
        <translation>결과 내보내기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Workers Table (CSV)…</source>
        <translation>작업자 표 (CSV)(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Array (CSV)…</source>
        <translation>배열 (CSV)(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Lock Events (CSV)…</source>
        <translation>락 이벤트 (CSV)(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Trace for Perfetto (JSON)…</source>
        <translation>Perfetto용 트레이스 (JSON)(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>Start / Pause / Resume</source>
        <translation>시작 / 일시 정지 / 계속</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation>확대 초기화</translation>
    </message>
    <message>
        <source>&amp;Pin This Run (A/B)</source>
        <translation>이 실행 고정 (A/B)(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Unpin</source>
        <translation>고정 해제(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>글자 크게(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation>글자 작게(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Normal Size</source>
        <translation>보통 크기(&amp;N)</translation>
    </message>
    <message>
        <source>S&amp;weep Results</source>
        <translation>스윕 결과(&amp;W)</translation>
    </message>
    <message>
        <source>Side &amp;by Side</source>
        <translation>나란히 보기(&amp;B)</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>나란히 보기</translation>
    </message>
    <message>
        <source>No runs to compare yet: play a lesson (Lessons tab); it ends on its runs side by side.</source>
        <translation>아직 비교할 실행이 없습니다. 레슨을 실행하세요(레슨 탭). 레슨이 끝나면 실행들이 나란히 보입니다.</translation>
    </message>
    <message>
        <source>The last lesson&apos;s runs side by side (Ctrl+Shift+B)</source>
        <translation>마지막 레슨의 실행을 나란히 (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>레슨(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Run / Stop Lesson</source>
        <translation>레슨 실행 / 중지(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Previous Lesson</source>
        <translation>이전 레슨(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next Lesson</source>
        <translation>다음 레슨(&amp;N)</translation>
    </message>
    <message>
        <source>Next R&amp;un</source>
        <translation>다음 실행(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ShmScope</source>
        <translation>ShmScope 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing, text as text (*.svg)</source>
        <translation>SVG 그림, 글자는 글자로 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 내보내기</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>About ShmScope</source>
        <translation>ShmScope 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ShmScope %1&lt;/h3&gt;&lt;p&gt;Watch worker processes share one POSIX shared-memory array: who writes where, how fast, and what the lock costs.&lt;/p&gt;&lt;p&gt;Workers are separate &lt;code&gt;shmscope-worker&lt;/code&gt; processes; the window only reads what they publish and never takes their lock.&lt;/p&gt;&lt;p&gt;Qt %2 · QCustomPlot 2.1&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ShmScope %1&lt;/h3&gt;&lt;p&gt;작업자 프로세스들이 POSIX 공유 메모리 배열 하나를 함께 쓰는 모습을 봅니다: 누가 어디에 쓰는지, 얼마나 빠른지, 락이 얼마나 드는지.&lt;/p&gt;&lt;p&gt;작업자는 각각 별도의 &lt;code&gt;shmscope-worker&lt;/code&gt; 프로세스입니다. 창은 작업자가 알리는 것을 읽기만 하고 그들의 락을 잡지 않습니다.&lt;/p&gt;&lt;p&gt;Qt %2 · QCustomPlot 2.1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>제어판</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>레슨</translation>
    </message>
    <message>
        <source>Cannot start the lesson</source>
        <translation>레슨을 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>스윕</translation>
    </message>
    <message>
        <source>Cannot start the sweep</source>
        <translation>스윕을 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>Run state.</source>
        <translation>실행 상태.</translation>
    </message>
    <message>
        <source>Time since the workers passed the start barrier.</source>
        <translation>작업자들이 시작 배리어를 지난 뒤 흐른 시간.</translation>
    </message>
    <message>
        <source>Elements per second, all workers together.</source>
        <translation>초당 요소 수 (모든 작업자 합계).</translation>
    </message>
    <message>
        <source>Shared-memory segment: /dev/shm/&lt;name&gt; and its size.</source>
        <translation>공유 메모리 세그먼트: /dev/shm/&lt;이름&gt;과 크기.</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>시작할 수 없습니다</translation>
    </message>
    <message>
        <source>A lesson is playing: stop it first (Lessons tab).</source>
        <translation>레슨이 진행 중입니다. 먼저 멈추세요 (레슨 탭).</translation>
    </message>
    <message>
        <source>a run is going on: stop it first</source>
        <translation>실행이 진행 중입니다. 먼저 멈추세요</translation>
    </message>
    <message>
        <source>Export the sweep&apos;s points</source>
        <translation>스윕 지점 내보내기</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 표 (*.csv)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The run is still going: export its results when it has ended.</source>
        <translation>실행이 아직 진행 중입니다. 끝난 뒤에 결과를 내보내세요.</translation>
    </message>
    <message>
        <source>No run yet: start one, then export its results.</source>
        <translation>아직 실행이 없습니다. 실행을 시작한 뒤 결과를 내보내세요.</translation>
    </message>
    <message>
        <source>The run&apos;s array is no longer mapped.</source>
        <translation>실행의 배열이 더 이상 매핑되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>%1 elements is more than the %2 a CSV file is useful for.</source>
        <translation>요소 %1개는 CSV 파일로 쓸 만한 %2개보다 많습니다.</translation>
    </message>
    <message>
        <source>This run recorded no lock events (sync %1%2).</source>
        <translation>이 실행은 락 이벤트를 기록하지 않았습니다 (sync %1%2).</translation>
    </message>
    <message>
        <source>, timings off</source>
        <translation>, 시간 측정 꺼짐</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Saved 1 run to %1</source>
        <translation>실행 1개를 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>Saved %1 runs to %2</source>
        <translation>실행 %1개를 %2에 저장했습니다</translation>
    </message>
    <message>
        <source>&amp;Open Recording…</source>
        <translation>기록 파일 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save Recording…</source>
        <translation>기록 파일 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Save every run of the Runs list in one recording file</source>
        <translation>실행 목록의 모든 실행을 기록 파일 하나에 저장합니다</translation>
    </message>
    <message>
        <source>Save Se&amp;lected Runs…</source>
        <translation>선택한 실행 저장(&amp;L)…</translation>
    </message>
    <message>
        <source>Save the runs selected in the Runs list</source>
        <translation>실행 목록에서 선택한 실행을 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Compare Side by Side</source>
        <translation>나란히 비교(&amp;C)</translation>
    </message>
    <message>
        <source>Show the %1 selected runs side by side</source>
        <translation>선택한 실행 %1개를 나란히 보여 줍니다</translation>
    </message>
    <message>
        <source>Select 2 to 4 runs in the list (Ctrl+click, Shift+click) to compare them</source>
        <translation>비교하려면 목록에서 실행을 2~4개 고르세요 (Ctrl+클릭, Shift+클릭)</translation>
    </message>
    <message>
        <source>&amp;Clear Recent</source>
        <translation>최근 목록 지우기(&amp;C)</translation>
    </message>
    <message>
        <source>Open Recording</source>
        <translation>기록 파일 열기</translation>
    </message>
    <message>
        <source>Open Recent</source>
        <translation>최근 파일 열기</translation>
    </message>
    <message>
        <source>%1 no longer exists; it is removed from the recent recordings.</source>
        <translation>%1이(가) 더 이상 없어서 최근 기록 파일 목록에서 뺍니다.</translation>
    </message>
    <message>
        <source>A recording is still being saved; save again when it is written.</source>
        <translation>기록 파일을 아직 저장하는 중입니다. 다 쓴 뒤에 다시 저장하세요.</translation>
    </message>
    <message>
        <source>No run in row %1 of the Runs list to save.</source>
        <translation>실행 목록의 %1번째 줄에 저장할 실행이 없습니다.</translation>
    </message>
    <message>
        <source>No runs to save yet: every run of the session is kept in the Runs list.</source>
        <translation>아직 저장할 실행이 없습니다. 이번 세션의 모든 실행은 실행 목록에 남습니다.</translation>
    </message>
    <message>
        <source>Saving 1 run to %1…</source>
        <translation>실행 1개를 %1에 저장하는 중…</translation>
    </message>
    <message>
        <source>Saving %1 runs to %2…</source>
        <translation>실행 %1개를 %2에 저장하는 중…</translation>
    </message>
    <message>
        <source>Save Selected Runs</source>
        <translation>선택한 실행 저장</translation>
    </message>
    <message>
        <source>Save Recording</source>
        <translation>기록 파일 저장</translation>
    </message>
    <message>
        <source>Every run of this session. Select one to see it again; the slider under the views moves through it. Select 2 to 4 to compare them side by side.</source>
        <translation>이번 세션의 모든 실행입니다. 하나를 고르면 다시 볼 수 있고, 보기 아래의 슬라이더로 그 안을 움직입니다. 2~4개를 고르면 나란히 비교합니다.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행 목록</translation>
    </message>
    <message>
        <source>Play / pause the shown run</source>
        <translation>보이는 실행 재생 / 일시 정지</translation>
    </message>
    <message>
        <source>Replay speed (times real time)</source>
        <translation>재생 속도 (실제 시간의 배수)</translation>
    </message>
    <message>
        <source>Moment of the shown run. Next / previous event: . and , (or Alt+Right / Alt+Left); Home / End: its start and end.</source>
        <translation>보이는 실행의 시점. 다음 / 이전 이벤트: . 와 , (또는 Alt+→ / Alt+←); Home / End: 처음과 끝.</translation>
    </message>
    <message>
        <source>t = %1 s of %2 s</source>
        <translation>t = %1초 / %2초</translation>
    </message>
    <message>
        <source>Play / Pause Replay</source>
        <translation>재생 / 재생 일시 정지</translation>
    </message>
    <message>
        <source>Next Event</source>
        <translation>다음 이벤트</translation>
    </message>
    <message>
        <source>Previous Event</source>
        <translation>이전 이벤트</translation>
    </message>
    <message>
        <source>Start of Run</source>
        <translation>실행의 처음</translation>
    </message>
    <message>
        <source>End of Run</source>
        <translation>실행의 끝</translation>
    </message>
    <message>
        <source>Run %1 at %2 s</source>
        <translation>실행 %1, %2초 시점</translation>
    </message>
    <message>
        <source> — %1 of elements done</source>
        <translation> — 요소 %1 완료</translation>
    </message>
    <message>
        <source>elapsed %1 s</source>
        <translation>경과 %1초</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>live</source>
        <translation>실시간</translation>
    </message>
    <message>
        <source>no run kept yet</source>
        <translation>남긴 실행 없음</translation>
    </message>
    <message>
        <source>A sweep is running: stop it first (Sweep tab).</source>
        <translation>스윕이 진행 중입니다. 먼저 멈추세요 (스윕 탭).</translation>
    </message>
    <message>
        <source>Ready — choose settings and press Start (Space)</source>
        <translation>준비됨 — 설정을 고르고 시작(Space)을 누르세요</translation>
    </message>
    <message>
        <source>Starting workers…</source>
        <translation>작업자 시작하는 중…</translation>
    </message>
    <message>
        <source>Running — %1 of elements done</source>
        <translation>실행 중 — 요소 %1 완료</translation>
    </message>
    <message>
        <source>Paused at %1 — Space resumes</source>
        <translation>%1에서 일시 정지 — Space로 계속</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>멈추는 중…</translation>
    </message>
    <message>
        <source>Finished — %1</source>
        <translation>끝남 — %1</translation>
    </message>
    <message>
        <source>Failed: %1 — %2</source>
        <translation>실패: %1 — %2</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>합계 %1</translation>
    </message>
    <message>
        <source> (removed)</source>
        <translation> (삭제됨)</translation>
    </message>
    <message>
        <source>no segment</source>
        <translation>세그먼트 없음</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>언어(&amp;G)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>ShmScope speaks %1 from its next start. Restart now? (A run going on is stopped.)</source>
        <translation>다음에 시작할 때부터 ShmScope가 %1(으)로 표시됩니다. 지금 다시 시작할까요? (진행 중인 실행은 멈춥니다.)</translation>
    </message>
    <message>
        <source>Could not start %1 again: restart ShmScope yourself.</source>
        <translation>%1을(를) 다시 시작할 수 없습니다. ShmScope를 직접 다시 시작하세요.</translation>
    </message>
    <message>
        <source>%1: the recording holds no run</source>
        <translation>%1: 기록 파일에 실행이 하나도 없습니다</translation>
    </message>
    <message>
        <source>Open Lesson</source>
        <translation>레슨 열기</translation>
    </message>
    <message>
        <source>Lessons (*.json);;All files (*)</source>
        <translation>레슨 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Open &amp;Lesson…</source>
        <translation>레슨 열기(&amp;L)…</translation>
    </message>
    <message>
        <source>Rehearse &amp;All…</source>
        <translation>모든 레슨 리허설(&amp;A)…</translation>
    </message>
    <message>
        <source>Rehearse &amp;This Lesson…</source>
        <translation>이 레슨 리허설(&amp;T)…</translation>
    </message>
    <message>
        <source>About This &amp;Machine…</source>
        <translation>이 기계 정보(&amp;M)…</translation>
    </message>
    <message>
        <source>A run is going on: stop it first.</source>
        <translation>실행이 진행 중입니다. 먼저 멈추세요.</translation>
    </message>
    <message>
        <source>No lesson is shown in the Lessons panel.</source>
        <translation>레슨 패널에 보이는 레슨이 없습니다.</translation>
    </message>
    <message>
        <source>Rehearse All Lessons</source>
        <translation>모든 레슨 리허설</translation>
    </message>
    <message>
        <source>Rehearse This Lesson</source>
        <translation>이 레슨 리허설</translation>
    </message>
    <message>
        <source>Play each lesson how many times? (A teacher&apos;s check the day before.)</source>
        <translation>레슨마다 몇 번 실행할까요? (교사가 수업 전날 하는 점검입니다.)</translation>
    </message>
    <message>
        <source>Contention</source>
        <translation>경합</translation>
    </message>
    <message>
        <source>Lock contention: waits, holds, the lock timeline</source>
        <translation>락 경합: 대기, 보유, 락 타임라인</translation>
    </message>
    <message>
        <source>Collisions</source>
        <translation>충돌</translation>
    </message>
    <message>
        <source>A lost update up close: the workers&apos; reads and writes of one bin, step by step (Ctrl+Shift+K)</source>
        <translation>갱신 손실 자세히 보기: 한 구간에 대한 작업자들의 읽기와 쓰기를 단계별로 (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>No lost update of bin %1 is listed.</source>
        <translation>구간 %1의 갱신 손실이 목록에 없습니다.</translation>
    </message>
    <message>
        <source>Export C&amp;ollision View…</source>
        <translation>충돌 보기 내보내기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Collisions Up Close</source>
        <translation>충돌 자세히 보기(&amp;C)</translation>
    </message>
    <message>
        <source>A lost update up close: the Collisions tab beside Contention (Ctrl+Shift+K)</source>
        <translation>갱신 손실 자세히 보기: 경합 옆의 충돌 탭 (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Verifying the array — %1 checked (Stop ends the check: not verified)</source>
        <translation>배열 검증 중 — %1 확인함 (중지를 누르면 검증을 끝내며, 검증되지 않은 것으로 남습니다)</translation>
    </message>
</context>
<context>
    <name>PartitionStrip</name>
    <message>
        <source>Partition map. plan: which worker the partition gives each index range (dynamic/guided: how far work has been handed out). written: who wrote each range, from the owner map. Red hatching (seed split): ranges the blog&apos;s arange split plans but no worker runs.</source>
        <translation>분할 지도. 계획: 분할이 각 인덱스 범위를 어느 작업자에게 주는지 (dynamic/guided: 일을 어디까지 나눠 주었는지). 쓰기: 소유자 지도에 따라 각 범위를 누가 썼는지. 빨간 빗금(seed 분할): 블로그의 arange 분할이 계획하지만 어떤 작업자도 실행하지 않는 범위.</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>계획</translation>
    </message>
    <message>
        <source>written</source>
        <translation>쓰기</translation>
    </message>
</context>
<context>
    <name>PinnedBar</name>
    <message>
        <source>The latest finished run against the pinned one: its figure, the pinned run&apos;s, and the ratio latest / pinned.</source>
        <translation>가장 최근에 끝난 실행과 고정한 실행의 비교: 최근 수치, 고정한 실행의 수치, 그리고 비율 최근 / 고정.</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>고정 해제</translation>
    </message>
    <message>
        <source>Forget the pinned run.</source>
        <translation>고정한 실행을 잊습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pinned&lt;/b&gt; %1, compute %2 — the next runs are compared with it.</source>
        <translation>&lt;b&gt;고정됨&lt;/b&gt; %1, 계산 %2 — 다음 실행들을 이것과 비교합니다.</translation>
    </message>
    <message>
        <source>compute</source>
        <translation>계산</translation>
    </message>
    <message>
        <source>throughput</source>
        <translation>처리량</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>lost updates</source>
        <translation>갱신 손실</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pinned → latest&lt;/b&gt; (%1): %2</source>
        <translation>&lt;b&gt;고정 → 최근&lt;/b&gt; (%1): %2</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>같은 설정</translation>
    </message>
</context>
<context>
    <name>ProgressModel</name>
    <message>
        <source>MPI rank 0 on %1: beside the app, it writes the shared array and publishes every rank&apos;s progress</source>
        <translation>%1의 MPI 랭크 0: 앱 옆에서 공유 배열을 쓰고 모든 랭크의 진행을 알립니다</translation>
    </message>
    <message>
        <source>MPI rank %1 on %2: computes in its own memory and sends its results to rank 0; its progress is what has reached the array</source>
        <translation>%2의 MPI 랭크 %1: 자기 메모리에서 계산하고 결과를 랭크 0에 보냅니다. 진행은 배열에 도착한 만큼입니다</translation>
    </message>
    <message>
        <source>Started as: %1 --segment … --worker %2</source>
        <translation>시작 명령: %1 --segment … --worker %2</translation>
    </message>
    <message>
        <source>Lock timings are off (--no-instrument): waits were not measured.</source>
        <translation>락 시간 측정이 꺼져 있습니다 (--no-instrument). 대기를 측정하지 않았습니다.</translation>
    </message>
    <message>
        <source>CPU %1 in %2 of busy (wall) time</source>
        <translation>작업(경과) 시간 %2 동안 CPU %1</translation>
    </message>
    <message>
        <source>%1 elements: %2 of the whole array (dynamic/guided workers claim pieces as they go; the grey shade is all workers together)</source>
        <translation>요소 %1개: 배열 전체의 %2 (dynamic/guided 작업자는 일하면서 조각을 가져갑니다. 회색 음영은 모든 작업자의 합계입니다)</translation>
    </message>
    <message>
        <source>%1 of %2 elements</source>
        <translation>요소 %2개 중 %1개</translation>
    </message>
    <message>
        <source>no lock</source>
        <translation>락 없음</translation>
    </message>
    <message>
        <source>timings off</source>
        <translation>시간 측정 꺼짐</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>작업자</translation>
    </message>
    <message>
        <source>Worker id; its colour is the same in every view.</source>
        <translation>작업자 번호. 색은 모든 보기에서 같습니다.</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Process id of the shmscope-worker process.</source>
        <translation>shmscope-worker 프로세스의 프로세스 ID.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>What the worker says it is doing, or how its process ended.</source>
        <translation>작업자가 알리는 지금 하는 일, 또는 프로세스가 끝난 방식.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>진행</translation>
    </message>
    <message>
        <source>Elements processed of those assigned (dynamic/guided: &quot;Share of run&quot;, the worker&apos;s part of the whole array, with all workers&apos; total shaded behind).</source>
        <translation>맡은 요소 중 처리한 요소 (dynamic/guided: &quot;실행 중 몫&quot;, 배열 전체 중 이 작업자의 몫이며 뒤에 모든 작업자의 합계가 음영으로 보입니다).</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Elements per second (average once done).</source>
        <translation>초당 요소 수 (끝난 뒤에는 평균).</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Wall time from the start barrier to this worker&apos;s end, pauses excluded (still counting while it works). The run&apos;s compute time is the slowest worker&apos;s; imbalance is the slowest over the mean.</source>
        <translation>시작 배리어부터 이 작업자가 끝날 때까지의 경과 시간, 일시 정지 제외 (일하는 동안 계속 셉니다). 실행의 계산 시간은 가장 느린 작업자의 시간이고, 불균형은 가장 느린 시간 ÷ 평균입니다.</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CPU time the worker process used since the barrier. Beside its busy (wall) time it shows preemption (more workers than cores) and CPU burned spinning while waiting for a lock: a mutex waiter sleeps, a spinner does not.</source>
        <translation>작업자 프로세스가 배리어 이후 쓴 CPU 시간. 작업(경과) 시간과 나란히 보면 선점(코어보다 많은 작업자)과, 락을 기다리며 스핀으로 태운 CPU가 보입니다. 뮤텍스를 기다리는 쪽은 잠들고, 스핀하는 쪽은 잠들지 않습니다.</translation>
    </message>
    <message>
        <source>Lock wait</source>
        <translation>락 대기</translation>
    </message>
    <message>
        <source>Lock wait: share of this worker&apos;s busy TIME spent waiting for the lock (the contention view&apos;s &quot;contended&quot; counts acquisitions that waited).</source>
        <translation>락 대기: 이 작업자의 작업 시간 중 락을 기다린 비율 (경합 보기의 &quot;경합&quot;은 기다린 획득의 횟수를 셉니다).</translation>
    </message>
    <message>
        <source>Share of run</source>
        <translation>실행 중 몫</translation>
    </message>
    <message>
        <source>CPU share: on a CPU for %1 of its busy time</source>
        <translation>CPU 비율: 작업 시간의 %1 동안 CPU에서 실행됨</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Workers</source>
        <translation>작업자</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;compute&lt;/b&gt;: start barrier to the last worker&apos;s end, pauses excluded (the report&apos;s compute_seconds).&lt;/p&gt;&lt;p&gt;&lt;b&gt;imbalance&lt;/b&gt;: the slowest worker&apos;s time over the mean (1.00 = perfectly even; 2 = one worker took twice the average).&lt;/p&gt;&lt;p&gt;&lt;b&gt;CPU&lt;/b&gt;: all workers&apos; CPU time together. Above compute x workers&apos; share of the cores, workers spun; far below, they slept or waited for a core.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;계산&lt;/b&gt;: 시작 배리어부터 마지막 작업자가 끝날 때까지, 일시 정지 제외 (보고서의 compute_seconds).&lt;/p&gt;&lt;p&gt;&lt;b&gt;불균형&lt;/b&gt;: 가장 느린 작업자의 시간 ÷ 평균 (1.00 = 완전히 고름, 2 = 한 작업자가 평균의 두 배 걸림).&lt;/p&gt;&lt;p&gt;&lt;b&gt;CPU&lt;/b&gt;: 모든 작업자의 CPU 시간 합계. 계산 × 작업자가 쓸 수 있는 코어 몫보다 크면 작업자가 스핀한 것이고, 훨씬 작으면 잠들었거나 코어를 기다린 것입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>compute &lt;b&gt;%1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; imbalance &lt;b&gt;%2&lt;/b&gt; &amp;nbsp;·&amp;nbsp; CPU &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>계산 &lt;b&gt;%1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; 불균형 &lt;b&gt;%2&lt;/b&gt; &amp;nbsp;·&amp;nbsp; CPU &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>One row per worker process; hover the column headers for details.</source>
        <translation>작업자 프로세스마다 한 줄. 열 머리글에 마우스를 올리면 설명이 나옵니다.</translation>
    </message>
    <message>
        <source>How many workers are in each state, most first: the table shows only some of the rows at a time.</source>
        <translation>상태마다 작업자가 몇 개인지, 많은 것부터 보여 줍니다. 표에는 한 번에 일부 줄만 보입니다.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a count of workers, then their state: 254 waiting for lock</comment>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>%1 workers:</source>
        <translation>작업자 %1개:</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Open Recording</source>
        <translation>기록 파일 열기</translation>
    </message>
    <message>
        <source>ShmScope recordings (*.shmscope)</source>
        <translation>ShmScope 기록 파일 (*.shmscope)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>Rehearsal</name>
    <message>
        <source>lesson &apos;%1&apos; run %2: %3</source>
        <translation>레슨 &apos;%1&apos; 실행 %2: %3</translation>
    </message>
    <message>
        <source>a rehearsal is under way</source>
        <translation>리허설이 진행 중입니다</translation>
    </message>
    <message>
        <source>no lesson to rehearse</source>
        <translation>리허설할 레슨이 없습니다</translation>
    </message>
    <message>
        <source>Rehearsal: %1 × each lesson, load %2 at the start, %3 at the end</source>
        <translation>리허설: 레슨마다 %1회, 부하는 시작할 때 %2, 끝날 때 %3</translation>
    </message>
</context>
<context>
    <name>RehearsalDialog</name>
    <message>
        <source>Rehearse Lessons</source>
        <translation>레슨 리허설</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>레슨</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <source>Not seen</source>
        <translation>확인되지 않음</translation>
    </message>
    <message>
        <source>Inconclusive</source>
        <translation>판정 불가</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>관측값</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>이유</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>중지(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Copy as Text</source>
        <translation>텍스트로 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Done: %1 × each lesson.</source>
        <translation>완료: 레슨마다 %1회.</translation>
    </message>
    <message>
        <source>Stopped: the table holds the plays that ended.</source>
        <translation>중지됨: 표에는 끝난 회차만 있습니다.</translation>
    </message>
    <message>
        <source>A run could not start: %1</source>
        <translation>실행을 시작할 수 없었습니다: %1</translation>
    </message>
    <message>
        <source>A rehearsal is under way: stop it first.</source>
        <translation>리허설이 진행 중입니다. 먼저 멈추세요.</translation>
    </message>
    <message>
        <source>Lesson %1/%2 (%3), play %4/%5</source>
        <translation>레슨 %1/%2 (%3), 회차 %4/%5</translation>
    </message>
    <message>
        <source>requires %1 %2 %3: observed %4, held %5/%6</source>
        <translation>전제 조건 %1 %2 %3: 관측값 %4, 충족 %5/%6</translation>
    </message>
    <message>
        <source>%1 %2 %3: observed %4, held %5/%6</source>
        <translation>%1 %2 %3: 관측값 %4, 충족 %5/%6</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <source>a run is already in progress</source>
        <translation>이미 실행이 진행 중입니다</translation>
    </message>
    <message>
        <source>worker executable not found: %1</source>
        <translation>작업자 실행 파일을 찾을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>rank %1</source>
        <translation>랭크 %1</translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation>작업자 %1</translation>
    </message>
    <message>
        <source>--transport mpi: this ShmScope was built without MPI (install libopenmpi-dev and rebuild)</source>
        <translation>--transport mpi: 이 ShmScope는 MPI 없이 빌드되었습니다 (libopenmpi-dev를 설치하고 다시 빌드하세요)</translation>
    </message>
    <message>
        <source>--transport mpi runs shmscope-mpi-worker ranks: --worker-command does not apply</source>
        <translation>--transport mpi는 shmscope-mpi-worker 랭크를 실행합니다. --worker-command는 적용되지 않습니다</translation>
    </message>
    <message>
        <source>--transport mpi: %1 not found (this build has MPI support; was it installed beside shmscope?)</source>
        <translation>--transport mpi: %1을(를) 찾을 수 없습니다 (이 빌드는 MPI를 지원합니다. shmscope 옆에 설치했나요?)</translation>
    </message>
    <message>
        <source>--transport mpi: mpirun not found on PATH (Debian: apt-get install openmpi-bin)</source>
        <translation>--transport mpi: PATH에서 mpirun을 찾을 수 없습니다 (Debian: apt-get install openmpi-bin)</translation>
    </message>
    <message>
        <source>mpirun could not be started: %1</source>
        <translation>mpirun을 시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>rank %1 (pid %2 on %3) was killed by signal %4; mpirun ended the job</source>
        <translation>랭크 %1 (%3의 pid %2)이 시그널 %4(으)로 종료되어 mpirun이 작업을 끝냈습니다</translation>
    </message>
    <message>
        <source>mpirun exited before any rank started (check --mpi-args)</source>
        <translation>랭크가 시작되기 전에 mpirun이 끝났습니다 (--mpi-args를 확인하세요)</translation>
    </message>
    <message>
        <source>mpirun was killed by signal %1</source>
        <translation>mpirun이 시그널 %1(으)로 종료되었습니다</translation>
    </message>
    <message>
        <source>mpirun failed with exit code %1%2</source>
        <translation>mpirun이 종료 코드 %1(으)로 실패했습니다%2</translation>
    </message>
    <message>
        <source>only %1 of %2 workers attached (none more in %3 s)</source>
        <translation>작업자 %2개 중 %1개만 연결되었습니다 (%3초 동안 더 없음)</translation>
    </message>
    <message>
        <source>worker %1 could not be started: %2</source>
        <translation>작업자 %1을(를) 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>worker %1 failed with exit code %2</source>
        <translation>작업자 %1이(가) 종료 코드 %2(으)로 실패했습니다</translation>
    </message>
    <message>
        <source> while holding %1</source>
        <translation>, %1을(를) 보유한 채</translation>
    </message>
    <message>
        <source>workers stopped responding (no progress for %1 s)</source>
        <translation>작업자가 응답하지 않습니다 (%1초 동안 진행 없음)</translation>
    </message>
    <message>
        <source>deadlock: worker %1 died holding %2, %3 workers blocked</source>
        <translation>교착 상태: 작업자 %1이(가) %2을(를) 보유한 채 죽어 작업자 %3개가 막혔습니다</translation>
    </message>
    <message>
        <source> and holds %1</source>
        <translation>, %1을(를) 보유 중</translation>
    </message>
    <message>
        <source>segment shrank to %1 bytes (from %2) — changed by another process</source>
        <translation>세그먼트가 %2바이트에서 %1바이트로 줄었습니다 — 다른 프로세스가 바꿨습니다</translation>
    </message>
    <message>
        <source>worker %1 was killed by signal %2%3</source>
        <translation>작업자 %1이(가) 시그널 %2(으)로 종료되었습니다%3</translation>
    </message>
    <message>
        <source> while holding a lock</source>
        <translation> (락을 보유한 채)</translation>
    </message>
    <message>
        <source>worker %1 died holding the robust mutex and no survivor locked it again to take its work over</source>
        <translation>작업자 %1이(가) 로버스트 뮤텍스를 보유한 채 죽었고, 살아남은 작업자 중 아무도 다시 잠가 그 일을 넘겨받지 않았습니다</translation>
    </message>
    <message>
        <source>worker %1 was killed by signal %2 while holding a lock</source>
        <translation>작업자 %1이(가) 락을 보유한 채 시그널 %2(으)로 종료되었습니다</translation>
    </message>
    <message>
        <source>terminated by %1 before the run ended</source>
        <translation>실행이 끝나기 전에 종료되었습니다: %1</translation>
    </message>
    <message>
        <source>deadlock: worker %1 %2 holding %3, %4 workers blocked</source>
        <translation>교착 상태: 작업자 %1이(가) %3을(를) 보유한 채 %2, 작업자 %4개가 막혔습니다</translation>
    </message>
    <message>
        <source>worker %1 %2 holding the robust mutex and no survivor locked it again to take its work over</source>
        <translation>작업자 %1이(가) 로버스트 뮤텍스를 보유한 채 %2, 살아남은 작업자 중 아무도 다시 잠가 그 일을 넘겨받지 않았습니다</translation>
    </message>
    <message>
        <source>worker %1 %2 while its slot said it held a lock</source>
        <translation>작업자 %1이(가) %2, 그때 슬롯에는 락을 보유 중이라고 적혀 있었습니다</translation>
    </message>
    <message>
        <source>segment %1 was replaced in /dev/shm by another process&apos;s file during the run (that file is left alone)</source>
        <translation>실행 중에 다른 프로세스가 /dev/shm의 세그먼트 %1을(를) 자기 파일로 바꿨습니다 (그 파일은 그대로 둡니다)</translation>
    </message>
    <message>
        <source>segment %1 was removed from /dev/shm by another process during the run</source>
        <translation>실행 중에 다른 프로세스가 /dev/shm에서 세그먼트 %1을(를) 지웠습니다</translation>
    </message>
    <message>
        <source>died</source>
        <translation>죽었고</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>종료 코드 %1(으)로 끝났고</translation>
    </message>
    <message>
        <source>the run state was set to %1</source>
        <translation>실행 상태를 %1(으)로 설정했습니다</translation>
    </message>
    <message>
        <source>parkWorker was set to %1 (a request to park worker %2 inside the lock)</source>
        <translation>parkWorker를 %1(으)로 설정했습니다 (작업자 %2을(를) 락 안에 세워 두라는 요청)</translation>
    </message>
    <message>
        <source>hangWorker was set to %1</source>
        <translation>hangWorker를 %1(으)로 설정했습니다</translation>
    </message>
    <message>
        <source>delayUs was set to %1</source>
        <translation>delayUs를 %1(으)로 설정했습니다</translation>
    </message>
    <message>
        <source>%1 by another process (only the app writes it)%2</source>
        <translation>다른 프로세스가 %1 (이 값은 앱만 씁니다)%2</translation>
    </message>
    <message>
        <source>; worker %1 (pid %2) runs --worker-command and is the likely writer</source>
        <translation>; 작업자 %1 (pid %2)이(가) --worker-command로 실행되므로 쓴 쪽일 가능성이 높습니다</translation>
    </message>
    <message>
        <source>%1 (pid %2) %3 and left %4 locked: no live worker holds it (%5 s)</source>
        <translation>%1 (pid %2)이(가) %3, %4을(를) 잠긴 채 남겼습니다: 살아 있는 작업자 중 아무도 보유하지 않습니다 (%5초)</translation>
    </message>
    <message>
        <source>%1 has been locked for %2 s by thread %3, which is no live worker&apos;s</source>
        <translation>%1이(가) %2초 동안 스레드 %3에 잠겨 있습니다. 이 스레드는 살아 있는 작업자의 것이 아닙니다</translation>
    </message>
    <message>
        <source>%1 (pid %2) exited with code 0 before it attached to the segment</source>
        <translation>%1 (pid %2)이(가) 세그먼트에 연결하기 전에 종료 코드 0으로 끝났습니다</translation>
    </message>
    <message>
        <source>%1 (pid %2) exited with code 0 without finishing its share (its slot says %3)</source>
        <translation>%1 (pid %2)이(가) 맡은 몫을 끝내지 않고 종료 코드 0으로 끝났습니다 (슬롯에는 %3)</translation>
    </message>
    <message>
        <source>%1 (pid %2) exited holding %3</source>
        <translation>%1 (pid %2)이(가) %3을(를) 보유한 채 끝났습니다</translation>
    </message>
    <message>
        <source>result queue %1 shrank to %2 bytes (from %3) — changed by another process</source>
        <translation>결과 큐 %1이(가) %3바이트에서 %2바이트로 줄었습니다 — 다른 프로세스가 바꿨습니다</translation>
    </message>
    <message>
        <source>mpirun (pid %1) was stopped (SIGSTOP) for %2 s: ShmScope ended it and its ranks</source>
        <translation>mpirun (pid %1)이 %2초 동안 일시 정지(SIGSTOP)되었습니다: ShmScope가 mpirun과 그 랭크를 종료했습니다</translation>
    </message>
    <message>
        <source>%1 (pid %2 on %3)</source>
        <translation>%1 (%3의 pid %2)</translation>
    </message>
    <message>
        <source>%1 stopped publishing: running, but silent for %2 s%3</source>
        <translation>%1이(가) 알리기를 멈췄습니다: 돌고 있지만 %2초 동안 조용합니다%3</translation>
    </message>
    <message>
        <source>%1 is suspended (SIGSTOP)%2 for more than %3 ms</source>
        <translation>%1이(가) %3 ms 넘게 일시 정지(SIGSTOP)되어 있습니다%2</translation>
    </message>
    <message>
        <source>result queue %1: %2 — changed by another process</source>
        <translation>결과 큐 %1: %2 — 다른 프로세스가 바꿨습니다</translation>
    </message>
    <message>
        <source>%1 has read as locked for %2 s with no owner and no live worker holding it: its bytes were written by another process%3</source>
        <translation>%1이(가) %2초 동안 잠긴 것으로 읽혔지만 소유자도, 보유한 살아 있는 작업자도 없습니다: 다른 프로세스가 그 바이트를 썼습니다%3</translation>
    </message>
</context>
<context>
    <name>RunPlayer</name>
    <message>
        <source>no runs to play</source>
        <translation>실행할 실행이 없습니다</translation>
    </message>
    <message>
        <source>a run is going on: stop it first</source>
        <translation>실행이 진행 중입니다. 먼저 멈추세요</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message numerus="yes">
        <source>%n oldest run(s) dropped to stay under %1 of memory</source>
        <translation>
            <numerusform>메모리 %1 아래로 유지하려고 가장 오래된 실행 %n개를 버렸습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>같은 설정</translation>
    </message>
    <message>
        <source>%1
%2
%3 s recorded, %4 in memory%5</source>
        <translation>%1
%2
%3초 기록됨, 메모리 %4%5</translation>
    </message>
    <message>
        <source>
incomplete: the run was cut short</source>
        <translation>
불완전: 실행이 도중에 끊겼습니다</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>판정</translation>
    </message>
</context>
<context>
    <name>SideBySideModel</name>
    <message>
        <source>%1 lost update</source>
        <translation>갱신 손실 %1건</translation>
    </message>
    <message>
        <source>%1 lost updates</source>
        <translation>갱신 손실 %1건</translation>
    </message>
    <message>
        <source>%1 mismatch</source>
        <translation>불일치 %1개</translation>
    </message>
    <message>
        <source>%1 mismatches</source>
        <translation>불일치 %1개</translation>
    </message>
    <message>
        <source>%1 unwritten</source>
        <translation>쓰이지 않음 %1개</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message>
        <source>&lt;b&gt;Side by side&lt;/b&gt;</source>
        <translation>&lt;b&gt;나란히 보기&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>진행</translation>
    </message>
    <message>
        <source>Array</source>
        <translation>배열</translation>
    </message>
    <message>
        <source>Lock timeline</source>
        <translation>락 타임라인</translation>
    </message>
    <message>
        <source>Contention</source>
        <translation>경합</translation>
    </message>
    <message>
        <source>The view every column shows, at the same scales</source>
        <translation>모든 열이 같은 눈금으로 보여 주는 보기</translation>
    </message>
    <message>
        <source>Back to the run</source>
        <translation>실행으로 돌아가기</translation>
    </message>
    <message>
        <source>The live views of the last run</source>
        <translation>마지막 실행의 실시간 보기</translation>
    </message>
    <message>
        <source>t = %1 s of %2 s</source>
        <translation>t = %1초 / %2초</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) · the same axes in every column · time from each run&apos;s start barrier</source>
        <translation>
            <numerusform>실행 %n개 · 모든 열이 같은 축 · 시간은 각 실행의 시작 배리어부터</numerusform>
        </translation>
    </message>
    <message>
        <source>no runs to compare yet: play a lesson</source>
        <translation>아직 비교할 실행이 없습니다: 레슨을 실행하세요</translation>
    </message>
    <message>
        <source>Every run at the same moment after its start barrier (a run that had ended by then, as it ended). Arrow keys step, Home / End: the start and the end.</source>
        <translation>모든 실행을 시작 배리어 후 같은 시점으로 보여 줍니다 (그때 이미 끝난 실행은 끝난 모습으로). 화살표 키: 한 걸음씩, Home / End: 처음과 끝.</translation>
    </message>
    <message>
        <source>These runs were played live and are shown as they ended; their recordings (kept in the Runs tab) arrive a moment later.</source>
        <translation>이 실행들은 실시간으로 돌았고 끝난 모습으로 보입니다. 기록(실행 목록 탭에 남음)은 잠시 뒤에 도착합니다.</translation>
    </message>
</context>
<context>
    <name>SweepModel</name>
    <message>
        <source>Compute</source>
        <translation>계산</translation>
    </message>
    <message>
        <source>Min – max</source>
        <translation>최소 – 최대</translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation>속도 향상</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>효율</translation>
    </message>
    <message>
        <source>Karp–Flatt</source>
        <translation>Karp–Flatt</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>처리량</translation>
    </message>
    <message>
        <source>Imbalance</source>
        <translation>불균형</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Median compute time of the point&apos;s runs.</source>
        <translation>이 지점의 실행들의 계산 시간 중앙값.</translation>
    </message>
    <message>
        <source>Fastest and slowest run of the point.</source>
        <translation>이 지점에서 가장 빠른 실행과 가장 느린 실행.</translation>
    </message>
    <message>
        <source>The baseline&apos;s median over this point&apos;s (baseline: the first workers value with the same other settings; without a workers axis, the first value).</source>
        <translation>기준의 중앙값 ÷ 이 지점의 중앙값 (기준: 다른 설정이 같은 첫 번째 workers 값. workers 축이 없으면 첫 번째 값).</translation>
    </message>
    <message>
        <source>Speedup per worker, against the baseline&apos;s workers.</source>
        <translation>기준의 작업자 수에 대한 작업자당 속도 향상.</translation>
    </message>
    <message>
        <source>Experimentally determined serial fraction: (1/S - 1/p) / (1 - 1/p). Rising with p: overhead or waiting grows, not serial code alone.</source>
        <translation>실험으로 구한 직렬 비율: (1/S - 1/p) / (1 - 1/p). p와 함께 커지면 직렬 코드만이 아니라 오버헤드나 대기가 늘어난 것입니다.</translation>
    </message>
    <message>
        <source>Median elements (or increments) per second.</source>
        <translation>초당 요소 수(또는 증가 횟수)의 중앙값.</translation>
    </message>
    <message>
        <source>Median of the slowest worker&apos;s time over the mean.</source>
        <translation>가장 느린 작업자의 시간 ÷ 평균의 중앙값.</translation>
    </message>
    <message>
        <source>Median CPU time of all workers together.</source>
        <translation>모든 작업자 CPU 시간 합계의 중앙값.</translation>
    </message>
    <message>
        <source>What verification found; failed runs are counted.</source>
        <translation>검증 결과. 실패한 실행의 수도 셉니다.</translation>
    </message>
    <message numerus="yes">
        <source>
compute %1 (%2 – %3), %n run(s)</source>
        <translation>
            <numerusform>
계산 %1 (%2 – %3), 실행 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>
speedup %1</source>
        <translation>
속도 향상 %1</translation>
    </message>
    <message>
        <source>, efficiency %1</source>
        <translation>, 효율 %1</translation>
    </message>
    <message>
        <source>, Karp–Flatt %1</source>
        <translation>, Karp–Flatt %1</translation>
    </message>
    <message>
        <source>
throughput %1, imbalance %2, CPU %3</source>
        <translation>
처리량 %1, 불균형 %2, CPU %3</translation>
    </message>
    <message>
        <source>
least CPU share of a worker %1</source>
        <translation>
작업자의 가장 낮은 CPU 비율 %1</translation>
    </message>
</context>
<context>
    <name>SweepPanel</name>
    <message>
        <source>Run the settings in Controls over a range of values, each point several times, and see how it scales. Slow motion is off and the views redraw 4 times a second during a sweep; `shmscope --sweep ...` in a terminal measures without a window.</source>
        <translation>제어판의 설정을 값의 범위에 걸쳐, 지점마다 여러 번 실행해서 규모에 따라 어떻게 변하는지 봅니다. 스윕 중에는 슬로 모션이 꺼지고 보기는 초당 4번 다시 그립니다. 터미널에서 `shmscope --sweep ...`을 쓰면 창 없이 측정합니다.</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Values separated by commas, as the command line takes them: 1,2,4,8 or mutex,striped,atomic.</source>
        <translation>명령줄처럼 쉼표로 나눈 값: 1,2,4,8 또는 mutex,striped,atomic.</translation>
    </message>
    <message>
        <source>Vary</source>
        <translation>바꿀 설정</translation>
    </message>
    <message>
        <source>and</source>
        <translation>그리고</translation>
    </message>
    <message>
        <source>over</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Runs per point, interleaved over the points so drift on a busy machine hits every point alike; the table shows the median.</source>
        <translation>지점마다 실행할 횟수. 지점들을 번갈아 실행하므로 바쁜 기계의 변동이 모든 지점에 고르게 미칩니다. 표는 중앙값을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Runs per point</source>
        <translation>지점당 실행 수</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>스윕 실행</translation>
    </message>
    <message>
        <source>Show results</source>
        <translation>결과 보기</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Stop sweep</source>
        <translation>스윕 중지</translation>
    </message>
    <message>
        <source>Point %1 of %2 (%3), run %4 of %5%6</source>
        <translation>지점 %1/%2 (%3), 실행 %4/%5%6</translation>
    </message>
    <message>
        <source>, about %1 left</source>
        <translation>, 약 %1 남음</translation>
    </message>
    <message>
        <source>%1 of %2 runs done.%3</source>
        <translation>실행 %2개 중 %1개 끝남.%3</translation>
    </message>
    <message>
        <source> Last error: %1</source>
        <translation> 마지막 오류: %1</translation>
    </message>
</context>
<context>
    <name>SweepView</name>
    <message>
        <source>Sweep</source>
        <translation>스윕</translation>
    </message>
    <message>
        <source>Back to the run</source>
        <translation>실행으로 돌아가기</translation>
    </message>
    <message>
        <source>The views of the last run (View &gt; Sweep Results comes back here).</source>
        <translation>마지막 실행의 보기 (보기 &gt; 스윕 결과로 여기에 돌아옵니다).</translation>
    </message>
    <message>
        <source>Speedup against workers (or throughput per value): hover a point for its figures.</source>
        <translation>작업자 수에 따른 속도 향상 (또는 값별 처리량). 점에 마우스를 올리면 수치가 나옵니다.</translation>
    </message>
    <message>
        <source>no sweep yet: choose settings in the Sweep panel and run</source>
        <translation>아직 스윕이 없습니다: 스윕 패널에서 설정을 고르고 실행하세요</translation>
    </message>
    <message>
        <source>%1 · %2 runs per point, interleaved · %3 of %4 runs · %5 cores</source>
        <translation>%1 · 지점당 %2회, 번갈아 · 실행 %4개 중 %3개 · 코어 %5개</translation>
    </message>
    <message>
        <source>ideal</source>
        <translation>이상적</translation>
    </message>
    <message>
        <source>speedup</source>
        <translation>속도 향상</translation>
    </message>
    <message>
        <source>Amdahl f = %1</source>
        <translation>Amdahl f = %1</translation>
    </message>
    <message>
        <source>wrong result</source>
        <translation>틀린 결과</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>작업자 수</translation>
    </message>
    <message>
        <source>speedup (baseline: %1 worker%2)</source>
        <translation>속도 향상 (기준: 작업자 %1개%2)</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation>코어 %1개</translation>
    </message>
    <message>
        <source>throughput</source>
        <translation>처리량</translation>
    </message>
    <message>
        <source>throughput (million elements/s)</source>
        <translation>처리량 (백만 요소/초)</translation>
    </message>
    <message>
        <source>throughput (thousand elements/s)</source>
        <translation>처리량 (천 요소/초)</translation>
    </message>
    <message>
        <source>throughput (elements/s)</source>
        <translation>처리량 (요소/초)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Watch processes share one array</source>
        <translation>프로세스들이 배열 하나를 함께 쓰는 모습을 보세요</translation>
    </message>
    <message>
        <source>Every run starts real worker processes that write into one POSIX shared-memory array. You see what they do while they do it, and what the synchronisation and the way the work is split cost.</source>
        <translation>실행할 때마다 POSIX 공유 메모리 배열 하나에 쓰는 실제 작업자 프로세스를 시작합니다. 작업자가 하는 일을 하는 동안 그대로 보고, 동기화와 일을 나누는 방식에 드는 비용을 봅니다.</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>작업자</translation>
    </message>
    <message>
        <source>each process: progress, rate, time and CPU</source>
        <translation>프로세스마다: 진행, 속도, 시간, CPU</translation>
    </message>
    <message>
        <source>Shared array</source>
        <translation>공유 배열</translation>
    </message>
    <message>
        <source>the values as they are written, in the colour of the worker that wrote them</source>
        <translation>쓰이는 대로의 값을, 쓴 작업자의 색으로</translation>
    </message>
    <message>
        <source>Lock contention</source>
        <translation>락 경합</translation>
    </message>
    <message>
        <source>who waits for the lock, who holds it, and for how long</source>
        <translation>누가 락을 기다리고, 누가 보유하며, 얼마나 오래인지</translation>
    </message>
    <message>
        <source>Start this run (Space)</source>
        <translation>이 실행 시작 (Space)</translation>
    </message>
    <message>
        <source>Start the run the Controls describe.</source>
        <translation>제어판에 설정한 실행을 시작합니다.</translation>
    </message>
    <message>
        <source>Open the lessons (Ctrl+L)</source>
        <translation>레슨 열기 (Ctrl+L)</translation>
    </message>
    <message>
        <source>Open the Lessons panel: a guided path through every effect, each with its story, what to look for and a verdict.</source>
        <translation>레슨 패널을 엽니다: 모든 효과를 차례로 안내하며, 레슨마다 이야기, 살펴볼 점, 판정이 있습니다.</translation>
    </message>
    <message>
        <source>%1. Change it in Controls.</source>
        <translation>%1. 제어판에서 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Next: “%1” — one of %2 lessons, each with a story, what to look for and a verdict.</source>
        <translation>다음: “%1” — 레슨 %2개 중 하나, 레슨마다 이야기, 살펴볼 점, 판정이 있습니다.</translation>
    </message>
    <message>
        <source>Run lesson: %1 (Ctrl+L)</source>
        <translation>레슨 실행: %1 (Ctrl+L)</translation>
    </message>
    <message>
        <source>Run “%1”: its runs one after the other, then whether its effect was seen.</source>
        <translation>“%1” 실행: 레슨의 실행을 차례로 돌린 뒤, 효과가 확인되었는지 알려 줍니다.</translation>
    </message>
    <message>
        <source>Its %1 runs one after the other, then whether the effect was seen. Its story and what to look for: the Lessons tab.</source>
        <translation>실행 %1개를 차례로 돌린 뒤, 효과가 확인되었는지 알려 줍니다. 레슨의 이야기와 살펴볼 점은 레슨 탭에 있습니다.</translation>
    </message>
</context>
<context>
    <name>WorkTimePlot</name>
    <message>
        <source>time (s)</source>
        <translation>시간 (초)</translation>
    </message>
    <message>
        <source>Time per worker</source>
        <translation>작업자별 시간</translation>
    </message>
    <message>
        <source>wall time</source>
        <translation>경과 시간</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Time per rank</source>
        <translation>랭크별 시간</translation>
    </message>
    <message>
        <source>%1 · imbalance %2</source>
        <translation>%1 · 불균형 %2</translation>
    </message>
    <message>
        <source>Per worker: wall time from the start barrier to its end (pale, wide) and the CPU time it used (solid, narrow). Unequal wall times are load imbalance (the title&apos;s imbalance: the slowest over the mean); CPU well below wall time means the worker slept (slow motion) or was ready to run without a core.</source>
        <translation>작업자별: 시작 배리어부터 끝날 때까지의 경과 시간(옅고 넓은 막대)과 쓴 CPU 시간(진하고 좁은 막대). 경과 시간이 고르지 않으면 부하 불균형입니다 (제목의 불균형: 가장 느린 시간 ÷ 평균). CPU가 경과 시간보다 훨씬 작으면 작업자가 잠들었거나(슬로 모션) 실행할 준비가 되었는데 코어가 없었던 것입니다.</translation>
    </message>
</context>
<context>
    <name>font_coverage</name>
    <message>
        <source>No installed font has %1 letters: they show as empty boxes. Install one (Debian: %2) and start again.</source>
        <translation>설치된 글꼴 중 %1 글자를 가진 것이 없어 빈 네모로 보입니다. 글꼴을 설치하고 (Debian: %2) 다시 시작하세요.</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>off (full speed)</source>
        <translation>꺼짐 (최고 속도)</translation>
    </message>
    <message>
        <source>%1 µs per element</source>
        <translation>요소당 %1 µs</translation>
    </message>
    <message>
        <source>%1 ms per element</source>
        <translation>요소당 %1 ms</translation>
    </message>
    <message>
        <source>%1 s per element</source>
        <translation>요소당 %1초</translation>
    </message>
    <message>
        <source>1 worker</source>
        <translation>작업자 1개</translation>
    </message>
    <message>
        <source>%1 workers</source>
        <translation>작업자 %1개</translation>
    </message>
    <message>
        <source>counters (%1), %2 increments each</source>
        <translation>카운터 (%1), 각각 %2번 증가</translation>
    </message>
    <message>
        <source>%1 over %2 elements</source>
        <translation>요소 %2개에 %1</translation>
    </message>
    <message>
        <source>%1 partition</source>
        <translation>%1 분할</translation>
    </message>
    <message>
        <source>%1 transport</source>
        <translation>%1 전송</translation>
    </message>
    <message>
        <source>no lock</source>
        <translation>락 없음</translation>
    </message>
    <message>
        <source>atomic updates</source>
        <translation>원자적 갱신</translation>
    </message>
    <message>
        <source>%1 lock</source>
        <translation>%1 락</translation>
    </message>
    <message>
        <source>slow motion %1</source>
        <translation>슬로 모션 %1</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>최고 속도</translation>
    </message>
</context>
<context>
    <name>run_texts</name>
    <message>
        <source>suspended</source>
        <translation>일시 정지됨 (SIGSTOP)</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작 중</translation>
    </message>
    <message>
        <source>at barrier</source>
        <translation>배리어에서 대기</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>waiting for lock</source>
        <translation>락 대기 중</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>crashed (signal %1)</source>
        <translation>비정상 종료 (시그널 %1)</translation>
    </message>
    <message>
        <source>, held lock</source>
        <translation>, 락 보유 중</translation>
    </message>
    <message>
        <source>, recovered by %1</source>
        <translation>, 작업자 %1이(가) 복구</translation>
    </message>
    <message>
        <source>terminated (signal %1)</source>
        <translation>강제 종료됨 (시그널 %1)</translation>
    </message>
    <message>
        <source>failed to start</source>
        <translation>시작 실패</translation>
    </message>
    <message>
        <source>failed (code %1)</source>
        <translation>실패 (코드 %1)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>counters verified</source>
        <translation>카운터 검증됨</translation>
    </message>
    <message>
        <source>%1 counter wrong</source>
        <translation>카운터 %1개 틀림</translation>
    </message>
    <message>
        <source>%1 counters wrong</source>
        <translation>카운터 %1개 틀림</translation>
    </message>
    <message>
        <source>histogram verified</source>
        <translation>히스토그램 검증됨</translation>
    </message>
    <message>
        <source>%1 bin wrong</source>
        <translation>구간 %1개 틀림</translation>
    </message>
    <message>
        <source>%1 bins wrong</source>
        <translation>구간 %1개 틀림</translation>
    </message>
    <message>
        <source>%1 extra updates (%2)</source>
        <translation>갱신 초과 %1건 (%2)</translation>
    </message>
    <message>
        <source>%1 lost updates (%2)</source>
        <translation>갱신 손실 %1건 (%2)</translation>
    </message>
    <message>
        <source>array verified</source>
        <translation>배열 검증됨</translation>
    </message>
    <message>
        <source>%1 mismatch</source>
        <translation>불일치 %1개</translation>
    </message>
    <message>
        <source>%1 mismatches</source>
        <translation>불일치 %1개</translation>
    </message>
    <message>
        <source> (all unwritten)</source>
        <translation> (모두 쓰이지 않음)</translation>
    </message>
    <message>
        <source> (%1 unwritten)</source>
        <translation> (쓰이지 않음 %1개)</translation>
    </message>
    <message>
        <source> — the workers wrote private copies</source>
        <translation> — 작업자들이 개별 복사본에 썼습니다</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>실행 안 됨</translation>
    </message>
    <message>
        <source>not verified (verification stopped)</source>
        <translation>검증 안 됨 (검증 중지됨)</translation>
    </message>
</context>
<context>
    <name>shm::kSettings</name>
    <message>
        <source>Experiment</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>작업자 수</translation>
    </message>
    <message>
        <source>worker processes sharing the array</source>
        <translation>배열을 함께 쓰는 작업자 프로세스 수</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>요소 수</translation>
    </message>
    <message>
        <source>doubles in the shared array, also bounded by free /dev/shm space</source>
        <translation>공유 배열의 double 개수, /dev/shm의 빈 공간으로도 제한됩니다</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>what each element computes</source>
        <translation>각 요소가 계산하는 것</translation>
    </message>
    <message>
        <source>sin(i): cheap, every element independent.</source>
        <translation>sin(i): 가볍고, 모든 요소가 독립적입니다.</translation>
    </message>
    <message>
        <source>A smooth wave over the array: easy to read in the plot.</source>
        <translation>배열 위의 부드러운 파형: 그래프에서 읽기 쉽습니다.</translation>
    </message>
    <message>
        <source>Every element adds 1 to a hashed bin: shared read-modify-writes that race without a lock.</source>
        <translation>모든 요소가 해시한 구간에 1을 더합니다: 락이 없으면 경쟁하는 공유 읽기-수정-쓰기입니다.</translation>
    </message>
    <message>
        <source>Escape iterations along a line: uneven cost, so static partitions get unequal work.</source>
        <translation>한 직선을 따라 탈출 반복 횟수를 셉니다: 비용이 고르지 않아 정적 분할은 일이 고르지 않게 나뉩니다.</translation>
    </message>
    <message>
        <source>Each worker bumps its own 64-bit counter: no data is shared, yet counters on one cache line (packed) slow every worker down: false sharing.</source>
        <translation>각 작업자가 자기 64비트 카운터를 올립니다: 공유하는 데이터는 없지만, 한 캐시 라인에 있는 카운터(packed)는 모든 작업자를 느리게 합니다: 거짓 공유.</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>구간 수</translation>
    </message>
    <message>
        <source>bins of the histogram workload</source>
        <translation>histogram 작업의 구간 수</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>분할</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>전략</translation>
    </message>
    <message>
        <source>how the indices are divided among the workers</source>
        <translation>인덱스를 작업자들에게 나누는 방식</translation>
    </message>
    <message>
        <source>One contiguous band per worker.</source>
        <translation>작업자마다 연속된 띠 하나.</translation>
    </message>
    <message>
        <source>Worker k takes every W-th element.</source>
        <translation>작업자 k가 W번째마다 요소를 맡습니다.</translation>
    </message>
    <message>
        <source>Chunks dealt round-robin to the workers.</source>
        <translation>청크를 작업자들에게 돌아가며 나눠 줍니다.</translation>
    </message>
    <message>
        <source>Workers claim the next chunk from a shared cursor when they are free.</source>
        <translation>작업자가 한가해지면 공유 커서에서 다음 청크를 가져갑니다.</translation>
    </message>
    <message>
        <source>Like dynamic, with pieces shrinking as the work runs out.</source>
        <translation>dynamic과 같지만, 일이 줄수록 조각이 작아집니다.</translation>
    </message>
    <message>
        <source>The blog post&apos;s split as written: arange(0, N, N // W), one range per worker in order; ranges beyond the workers never run, so a remainder stays unwritten.</source>
        <translation>블로그 글의 분할 그대로: arange(0, N, N // W), 작업자마다 순서대로 범위 하나. 작업자 수를 넘는 범위는 실행되지 않아 나머지가 쓰이지 않은 채 남습니다.</translation>
    </message>
    <message>
        <source>Chunk</source>
        <translation>청크</translation>
    </message>
    <message>
        <source>elements per piece of work, and per lock with chunk lock scope</source>
        <translation>일 한 조각의 요소 수, chunk 락 범위에서는 락 한 번의 요소 수</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>동기화</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>동기화</translation>
    </message>
    <message>
        <source>how workers protect their writes to the shared array</source>
        <translation>작업자가 공유 배열에 쓰는 것을 보호하는 방식</translation>
    </message>
    <message>
        <source>No lock: fastest, and shared updates can be lost.</source>
        <translation>락 없음: 가장 빠르지만 공유 갱신이 손실될 수 있습니다.</translation>
    </message>
    <message>
        <source>One process-shared mutex for everything.</source>
        <translation>모든 것에 프로세스 공유 뮤텍스 하나.</translation>
    </message>
    <message>
        <source>One mutex per stripe of indices: less contention.</source>
        <translation>인덱스 스트라이프마다 뮤텍스 하나: 경합이 줄어듭니다.</translation>
    </message>
    <message>
        <source>A test-and-test-and-set spin lock.</source>
        <translation>test-and-test-and-set 스핀 락.</translation>
    </message>
    <message>
        <source>Atomic instructions, no lock.</source>
        <translation>원자적 명령, 락 없음.</translation>
    </message>
    <message>
        <source>One process-shared robust mutex: if its holder dies, the next worker to lock it is told, repairs what the dead one left half-done and takes its work over.</source>
        <translation>프로세스 공유 로버스트 뮤텍스 하나: 보유자가 죽으면 다음에 잠그는 작업자가 그 사실을 알고, 죽은 작업자가 하다 만 것을 고치고 그 일을 넘겨받습니다.</translation>
    </message>
    <message>
        <source>Stripes</source>
        <translation>스트라이프 수</translation>
    </message>
    <message>
        <source>mutexes of the striped sync</source>
        <translation>striped 동기화의 뮤텍스 수</translation>
    </message>
    <message>
        <source>Lock scope</source>
        <translation>락 범위</translation>
    </message>
    <message>
        <source>how much work one lock acquisition covers, with a lock-based sync</source>
        <translation>락을 쓰는 동기화에서 락 획득 한 번이 덮는 일의 양</translation>
    </message>
    <message>
        <source>Lock and unlock around every element.</source>
        <translation>요소마다 락을 잠그고 풉니다.</translation>
    </message>
    <message>
        <source>Hold the lock for a whole chunk.</source>
        <translation>청크 하나 내내 락을 보유합니다.</translation>
    </message>
    <message>
        <source>Slow motion</source>
        <translation>슬로 모션</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>extra time per element: slow motion, acts at once, also during a run</source>
        <translation>요소당 추가 시간: 슬로 모션, 실행 중에도 곧바로 적용됩니다</translation>
    </message>
    <message>
        <source>Record lock timings</source>
        <translation>락 시간 기록</translation>
    </message>
    <message>
        <source>time every lock acquisition; off shows what the timing itself costs</source>
        <translation>모든 락 획득의 시간을 잽니다. 끄면 시간 측정 자체의 비용이 보입니다</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>전송 방식</translation>
    </message>
    <message>
        <source>how the results reach the controller&apos;s array</source>
        <translation>결과가 컨트롤러의 배열에 닿는 방식</translation>
    </message>
    <message>
        <source>Workers write the shared array: the controller sees every write.</source>
        <translation>작업자가 공유 배열에 씁니다: 컨트롤러가 모든 쓰기를 봅니다.</translation>
    </message>
    <message>
        <source>Each worker maps the array copy-on-write (MAP_PRIVATE), as the blog&apos;s example effectively does: it writes its own copy and the controller sees nothing.</source>
        <translation>블로그의 예제가 사실상 그러듯, 각 작업자가 배열을 copy-on-write(MAP_PRIVATE)로 매핑합니다: 자기 복사본에 쓰므로 컨트롤러는 아무것도 보지 못합니다.</translation>
    </message>
    <message>
        <source>Workers send their results through a message queue; the controller writes the array. The copies and the waiting a queue costs become visible.</source>
        <translation>작업자가 결과를 메시지 큐로 보내고 배열은 컨트롤러가 씁니다. 큐가 치르는 복사와 대기가 보입니다.</translation>
    </message>
    <message>
        <source>The workers are MPI ranks started by mpirun (on this host or several): rank 0 writes the shared array, the others compute in private memory and send it their results as messages.</source>
        <translation>작업자는 mpirun이 (이 호스트나 여러 호스트에서) 시작한 MPI 랭크입니다: 랭크 0이 공유 배열에 쓰고, 나머지는 자기 메모리에서 계산해 결과를 메시지로 보냅니다.</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>카운터</translation>
    </message>
    <message>
        <source>where the counters workload puts the workers&apos; counters</source>
        <translation>counters 작업이 작업자의 카운터를 두는 곳</translation>
    </message>
    <message>
        <source>The counters side by side: up to 8 share one 64-byte cache line.</source>
        <translation>카운터를 나란히: 최대 8개가 64바이트 캐시 라인 하나를 함께 씁니다.</translation>
    </message>
    <message>
        <source>Each counter on a 128-byte line of its own.</source>
        <translation>카운터마다 128바이트 라인을 따로.</translation>
    </message>
    <message>
        <source>Increments</source>
        <translation>증가 횟수</translation>
    </message>
    <message>
        <source>how often each worker bumps its counter (counters workload)</source>
        <translation>각 작업자가 카운터를 올리는 횟수 (counters 작업)</translation>
    </message>
    <message>
        <source>Fault injection</source>
        <translation>결함 주입</translation>
    </message>
    <message>
        <source>Kill worker</source>
        <translation>강제 종료할 작업자</translation>
    </message>
    <message>
        <source>scripted fault: SIGKILL this worker (0-based) during the run, reproducibly</source>
        <translation>미리 정한 결함: 실행 중에 이 작업자(0부터)를 SIGKILL로, 재현 가능하게</translation>
    </message>
    <message>
        <source>At</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>when the scripted kill happens, in ms after the start barrier opens</source>
        <translation>미리 정한 강제 종료가 일어나는 때, 시작 배리어가 열린 뒤 ms</translation>
    </message>
    <message>
        <source>When</source>
        <translation>시점</translation>
    </message>
    <message>
        <source>kill at the time, or at the worker&apos;s next lock acquisition after it</source>
        <translation>그 시각에, 또는 그 뒤 작업자의 다음 락 획득 때 강제 종료</translation>
    </message>
    <message>
        <source>SIGKILL the worker at the given time, wherever it is.</source>
        <translation>정한 시각에 작업자가 어디에 있든 SIGKILL.</translation>
    </message>
    <message>
        <source>From the given time on, SIGKILL the worker at its next lock acquisition, while it holds the lock.</source>
        <translation>정한 시각부터, 작업자의 다음 락 획득 때 락을 보유한 상태에서 SIGKILL.</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>일시 정지 한도</translation>
    </message>
    <message>
        <source>a worker stopped (SIGSTOP) for this long fails the run; SIGCONT before it goes on</source>
        <translation>이만큼 멈춘(SIGSTOP) 작업자는 실행을 실패시킵니다. 그 전에 SIGCONT하면 계속됩니다</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>what the scripted fault (and Kill worker now) does: kill, stop or hang the worker</source>
        <translation>미리 정한 결함(과 지금 작업자 강제 종료)이 하는 일: 작업자를 kill, stop 또는 hang</translation>
    </message>
    <message>
        <source>SIGKILL: the worker dies at once, wherever it is.</source>
        <translation>SIGKILL: 작업자가 어디에 있든 곧바로 죽습니다.</translation>
    </message>
    <message>
        <source>SIGSTOP: the worker is suspended (Continue sends SIGCONT); after the suspend timeout the run fails.</source>
        <translation>SIGSTOP: 작업자가 일시 정지됩니다 (계속은 SIGCONT를 보냅니다). 정지 제한 시간이 지나면 실행이 실패합니다.</translation>
    </message>
    <message>
        <source>The worker keeps running but publishes nothing, like an endless loop; the stall check names it after the stall timeout.</source>
        <translation>작업자가 무한 루프처럼 계속 돌지만 아무것도 알리지 않습니다. 멈춤 제한 시간이 지나면 멈춤 검사가 그 작업자를 지목합니다.</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>멈춤 한도</translation>
    </message>
    <message>
        <source>a running worker that publishes nothing for this long fails the run (named); waiting for a lock does not count</source>
        <translation>이만큼 아무것도 알리지 않고 도는 작업자는 (이름과 함께) 실행을 실패시킵니다. 락 대기는 세지 않습니다</translation>
    </message>
    <message>
        <source>Log every update</source>
        <translation>모든 갱신 기록</translation>
    </message>
    <message>
        <source>log each shared bin update (read, write, times) to show how updates get lost; histogram runs of at most 2000000 updates, 24 bytes each</source>
        <translation>공유 구간의 갱신마다(읽기, 쓰기, 시각) 기록해 갱신이 어떻게 사라지는지 보여 줍니다. 갱신 2000000번 이하의 히스토그램 실행에만, 갱신마다 24바이트</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <source>how the workers are scheduled against the window and other programs (the report&apos;s worker_scheduling says what was used)</source>
        <translation>작업자를 창과 다른 프로그램에 견주어 어떻게 스케줄할지 (실제로 쓴 것은 보고서의 worker_scheduling이 알려 줍니다)</translation>
    </message>
    <message>
        <source>In the window, workers that outnumber the CPUs get nice 5 to 19, by how many share a CPU, so the window keeps its pace; headless, as normal.</source>
        <translation>창에서는 CPU보다 많은 작업자가 한 CPU를 함께 쓰는 수에 따라 nice 5에서 19를 받아 창이 제 속도를 지킵니다. 헤드리스에서는 normal과 같습니다.</translation>
    </message>
    <message>
        <source>The app&apos;s priority; workers that outnumber the CPUs lower themselves to nice 5.</source>
        <translation>앱과 같은 우선순위. CPU보다 많은 작업자는 스스로 nice 5로 낮춥니다.</translation>
    </message>
    <message>
        <source>Every worker at nice 19: the app and other programs come first.</source>
        <translation>모든 작업자를 nice 19로: 앱과 다른 프로그램이 먼저입니다.</translation>
    </message>
    <message>
        <source>Every worker at SCHED_IDLE: it runs only on CPU time nothing else wants.</source>
        <translation>모든 작업자를 SCHED_IDLE로: 다른 누구도 원하지 않는 CPU 시간에만 돕니다.</translation>
    </message>
</context>
<context>
    <name>sweep_texts</name>
    <message>
        <source>all %1 runs failed</source>
        <translation>실행 %1회 모두 실패</translation>
    </message>
    <message>
        <source>, %1 failed</source>
        <translation>, %1회 실패</translation>
    </message>
    <message>
        <source>speedup %1 with %2 cores: more than the cores can give (the baseline was slowed, or a cache effect)</source>
        <translation>코어 %2개로 속도 향상 %1: 코어가 낼 수 있는 것보다 큽니다 (기준이 느려졌거나 캐시 효과)</translation>
    </message>
    <message>
        <source>the 1-worker run</source>
        <translation>작업자 1개 실행</translation>
    </message>
    <message>
        <source>the baseline (%1)</source>
        <translation>기준 (%1)</translation>
    </message>
    <message>
        <source>%1 got %2 of a core: speedups are not meaningful</source>
        <translation>%1은(는) 코어의 %2만 받았습니다: 속도 향상은 의미가 없습니다</translation>
    </message>
</context>
<context>
    <name>view_export</name>
    <message>
        <source>could not write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
</context>
</TS>
