<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>vigil::ui::MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>저장소</translation>
    </message>
    <message>
        <source>Settings database</source>
        <translation>설정 데이터베이스</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>HTTP API</translation>
    </message>
    <message>
        <source>Scraper</source>
        <translation>수집기</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>정지됨</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>시작 중</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>정지 중</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Vigil — Monitoring Console</source>
        <translation>Vigil — 모니터링 콘솔</translation>
    </message>
    <message>
        <source>Series: %1</source>
        <translation>시리즈: %1</translation>
    </message>
    <message>
        <source>Samples/s: %1</source>
        <translation>샘플/초: %1</translation>
    </message>
    <message>
        <source>Scrape failures: %1</source>
        <translation>수집 실패: %1</translation>
    </message>
    <message>
        <source>Disk: %1</source>
        <translation>디스크: %1</translation>
    </message>
    <message>
        <source>API: off</source>
        <translation>API: 꺼짐</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API: %1</translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation>엔진: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>The page “%1” is not available in this version.</source>
        <translation>“%1” 페이지는 이 버전에서 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>There is no dashboard named “%1”.</source>
        <translation>“%1” 대시보드가 없습니다.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <source>Health of the built-in monitoring engine on this workstation.</source>
        <translation>이 워크스테이션에 내장된 모니터링 엔진의 상태입니다.</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>엔진</translation>
    </message>
    <message>
        <source>Active series</source>
        <translation>활성 시리즈</translation>
    </message>
    <message>
        <source>Samples per second</source>
        <translation>초당 샘플</translation>
    </message>
    <message>
        <source>Targets up</source>
        <translation>정상 대상</translation>
    </message>
    <message>
        <source>Disk used</source>
        <translation>디스크 사용량</translation>
    </message>
    <message>
        <source>Prometheus-compatible API</source>
        <translation>Prometheus 호환 API</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <source>Data directory: %1</source>
        <translation>데이터 디렉터리: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>데이터 디렉터리:</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>HTTP API</translation>
    </message>
    <message>
        <source>Serve the Prometheus-compatible API (for Grafana and scripts)</source>
        <translation>Prometheus 호환 API 제공 (Grafana 및 스크립트용)</translation>
    </message>
    <message>
        <source>Listen address:</source>
        <translation>수신 주소:</translation>
    </message>
    <message>
        <source>Only this computer can reach the API unless you choose a non-loopback address (which also needs --web.allow-non-loopback).</source>
        <translation>루프백이 아닌 주소를 선택하지 않는 한 이 컴퓨터에서만 API에 접근할 수 있습니다 (루프백이 아닌 주소에는 --web.allow-non-loopback 도 필요합니다).</translation>
    </message>
    <message>
        <source>The listen address must look like 127.0.0.1:9090.</source>
        <translation>수신 주소는 127.0.0.1:9090 과 같은 형식이어야 합니다.</translation>
    </message>
    <message>
        <source>Saved. Changes take effect the next time Vigil starts.</source>
        <translation>저장했습니다. 변경 사항은 Vigil을 다음에 시작할 때 적용됩니다.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TargetDialog</name>
    <message>
        <source>Edit target</source>
        <translation>대상 편집</translation>
    </message>
    <message>
        <source>Add target</source>
        <translation>대상 추가</translation>
    </message>
    <message>
        <source>host:port or http://host:port/metrics</source>
        <translation>host:port 또는 http://host:port/metrics</translation>
    </message>
    <message>
        <source>e.g. node</source>
        <translation>예: node</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>One label per line: name=value</source>
        <translation>한 줄에 레이블 하나: 이름=값</translation>
    </message>
    <message>
        <source>Skip TLS certificate verification (insecure)</source>
        <translation>TLS 인증서 검증 건너뛰기 (안전하지 않음)</translation>
    </message>
    <message>
        <source>Address or URL:</source>
        <translation>주소 또는 URL:</translation>
    </message>
    <message>
        <source>Job:</source>
        <translation>작업(job):</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>스킴:</translation>
    </message>
    <message>
        <source>Metrics path:</source>
        <translation>메트릭 경로:</translation>
    </message>
    <message>
        <source>Scrape interval:</source>
        <translation>수집 간격:</translation>
    </message>
    <message>
        <source>Scrape timeout:</source>
        <translation>수집 제한 시간:</translation>
    </message>
    <message>
        <source>Extra labels:</source>
        <translation>추가 레이블:</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>The URL is not valid: use http://host:port/path.</source>
        <translation>URL이 올바르지 않습니다. http://host:port/path 형식을 사용하세요.</translation>
    </message>
    <message>
        <source>The address must be host:port (for example 127.0.0.1:9100) or a URL.</source>
        <translation>주소는 host:port (예: 127.0.0.1:9100) 또는 URL이어야 합니다.</translation>
    </message>
    <message>
        <source>A job name is required.</source>
        <translation>작업(job) 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>The metrics path must start with /.</source>
        <translation>메트릭 경로는 / 로 시작해야 합니다.</translation>
    </message>
    <message>
        <source>The scrape timeout cannot be longer than the scrape interval.</source>
        <translation>수집 제한 시간은 수집 간격보다 길 수 없습니다.</translation>
    </message>
    <message>
        <source>Label line “%1” must look like name=value with a valid label name.</source>
        <translation>레이블 줄 “%1” 은(는) 올바른 레이블 이름을 가진 이름=값 형식이어야 합니다.</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>엔진이 실행 중이 아닙니다.</translation>
    </message>
    <message>
        <source>Scraping…</source>
        <translation>수집 중…</translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation>테스트가 취소되었습니다.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message>
        <source>OK: %1 samples from %2 in %3 ms.</source>
        <translation>성공: %2 에서 %3 ms 동안 샘플 %1개.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>저장하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TargetTableModel</name>
    <message>
        <source>Up</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>장애</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>작업(job)</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>엔드포인트</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>Last scrape</source>
        <translation>마지막 수집</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>샘플</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>never</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1초 전</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TargetsPage</name>
    <message>
        <source>Targets</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Add target…</source>
        <translation>대상 추가…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Filter by job, endpoint, label or error</source>
        <translation>작업, 엔드포인트, 레이블 또는 오류로 필터</translation>
    </message>
    <message>
        <source>Only targets added in the console can be edited here.</source>
        <translation>콘솔에서 추가한 대상만 여기서 편집할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 of %2 up</source>
        <translation>%2개 중 %1개 정상</translation>
    </message>
    <message>
        <source>Remove target</source>
        <translation>대상 삭제</translation>
    </message>
    <message>
        <source>Stop scraping %1 (job %2) and remove it?</source>
        <translation>%1 (작업 %2) 수집을 중지하고 삭제할까요?</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TrayIcon</name>
    <message>
        <source>Show Vigil</source>
        <translation>Vigil 보기</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Vigil: engine failed</source>
        <translation>Vigil: 엔진 실패</translation>
    </message>
    <message>
        <source>Vigil: engine not running</source>
        <translation>Vigil: 엔진이 실행 중이 아님</translation>
    </message>
    <message>
        <source>Vigil: all clear</source>
        <translation>Vigil: 이상 없음</translation>
    </message>
    <message>
        <source>Vigil: warning alerts active</source>
        <translation>Vigil: 경고 알림 발생 중</translation>
    </message>
    <message>
        <source>Vigil: critical alerts active</source>
        <translation>Vigil: 심각 알림 발생 중</translation>
    </message>
    <message>
        <source>Vigil: emergency alerts active</source>
        <translation>Vigil: 긴급 알림 발생 중</translation>
    </message>
</context>
</TS>