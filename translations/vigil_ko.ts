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
        <source>There is no page named “%1”.</source>
        <translation>“%1” 페이지가 없습니다.</translation>
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