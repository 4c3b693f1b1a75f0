<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>DataSources</name>
    <message>
        <source>Local engine</source>
        <translation>로컬 엔진</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (없음)</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>엔진이 실행 중이 아닙니다.</translation>
    </message>
    <message>
        <source>The data source “%1” is not available: %2</source>
        <translation>데이터 소스 “%1”을(를) 사용할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The data source “%1” is not available.</source>
        <translation>데이터 소스 “%1”을(를) 사용할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>PanelConfig</name>
    <message>
        <source>panel: "%1" %2</source>
        <translation>패널: "%1" %2</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>문자열이어야 합니다</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>배열이어야 합니다</translation>
    </message>
    <message>
        <source>must hold objects</source>
        <translation>객체를 담아야 합니다</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>객체여야 합니다</translation>
    </message>
    <message>
        <source>must be a positive number of seconds</source>
        <translation>양수 초 값이어야 합니다</translation>
    </message>
    <message>
        <source>needs "last" or "from" &lt; "to" (ms)</source>
        <translation>"last" 또는 "from" &lt; "to"(ms)가 필요합니다</translation>
    </message>
    <message>
        <source>must be a number of seconds &gt;= 0</source>
        <translation>0 이상의 초 값이어야 합니다</translation>
    </message>
    <message>
        <source>must be lines, stacked, bars or points</source>
        <translation>lines, stacked, bars, points 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>must be none, percent, bytes, seconds or ops</source>
        <translation>none, percent, bytes, seconds, ops 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>entries need a number "value" and a "color"</source>
        <translation>각 항목에는 숫자 "value"와 "color"가 필요합니다</translation>
    </message>
</context>
<context>
    <name>PromqlDocs</name>
    <message>
        <source>Absolute value of every sample.</source>
        <translation>각 샘플의 절댓값.</translation>
    </message>
    <message>
        <source>Rounds every sample up to the nearest integer.</source>
        <translation>각 샘플을 가장 가까운 정수로 올림합니다.</translation>
    </message>
    <message>
        <source>Rounds every sample down to the nearest integer.</source>
        <translation>각 샘플을 가장 가까운 정수로 내림합니다.</translation>
    </message>
    <message>
        <source>e raised to the power of every sample.</source>
        <translation>각 샘플 값을 지수로 하는 e의 거듭제곱.</translation>
    </message>
    <message>
        <source>Square root of every sample.</source>
        <translation>각 샘플의 제곱근.</translation>
    </message>
    <message>
        <source>Natural logarithm of every sample.</source>
        <translation>각 샘플의 자연로그.</translation>
    </message>
    <message>
        <source>Binary logarithm of every sample.</source>
        <translation>각 샘플의 이진 로그(밑 2).</translation>
    </message>
    <message>
        <source>Decimal logarithm of every sample.</source>
        <translation>각 샘플의 상용로그(밑 10).</translation>
    </message>
    <message>
        <source>Sign of every sample: 1, -1 or 0.</source>
        <translation>각 샘플의 부호: 1, -1 또는 0.</translation>
    </message>
    <message>
        <source>Rounds every sample to the nearest multiple of to_nearest (default 1).</source>
        <translation>각 샘플을 to_nearest(기본값 1)의 가장 가까운 배수로 반올림합니다.</translation>
    </message>
    <message>
        <source>Limits every sample to the range [min, max].</source>
        <translation>각 샘플을 [min, max] 범위로 제한합니다.</translation>
    </message>
    <message>
        <source>Limits every sample to at most max.</source>
        <translation>각 샘플을 최대 max로 제한합니다.</translation>
    </message>
    <message>
        <source>Limits every sample to at least min.</source>
        <translation>각 샘플을 최소 min으로 제한합니다.</translation>
    </message>
    <message>
        <source>Converts radians to degrees.</source>
        <translation>라디안을 도(degree)로 변환합니다.</translation>
    </message>
    <message>
        <source>Converts degrees to radians.</source>
        <translation>도(degree)를 라디안으로 변환합니다.</translation>
    </message>
    <message>
        <source>Arc cosine of every sample.</source>
        <translation>각 샘플의 아크코사인.</translation>
    </message>
    <message>
        <source>Inverse hyperbolic cosine of every sample.</source>
        <translation>각 샘플의 역쌍곡코사인.</translation>
    </message>
    <message>
        <source>Arc sine of every sample.</source>
        <translation>각 샘플의 아크사인.</translation>
    </message>
    <message>
        <source>Inverse hyperbolic sine of every sample.</source>
        <translation>각 샘플의 역쌍곡사인.</translation>
    </message>
    <message>
        <source>Arc tangent of every sample.</source>
        <translation>각 샘플의 아크탄젠트.</translation>
    </message>
    <message>
        <source>Inverse hyperbolic tangent of every sample.</source>
        <translation>각 샘플의 역쌍곡탄젠트.</translation>
    </message>
    <message>
        <source>Cosine of every sample.</source>
        <translation>각 샘플의 코사인.</translation>
    </message>
    <message>
        <source>Hyperbolic cosine of every sample.</source>
        <translation>각 샘플의 쌍곡코사인.</translation>
    </message>
    <message>
        <source>Sine of every sample.</source>
        <translation>각 샘플의 사인.</translation>
    </message>
    <message>
        <source>Hyperbolic sine of every sample.</source>
        <translation>각 샘플의 쌍곡사인.</translation>
    </message>
    <message>
        <source>Tangent of every sample.</source>
        <translation>각 샘플의 탄젠트.</translation>
    </message>
    <message>
        <source>Hyperbolic tangent of every sample.</source>
        <translation>각 샘플의 쌍곡탄젠트.</translation>
    </message>
    <message>
        <source>The number π.</source>
        <translation>원주율 π.</translation>
    </message>
    <message>
        <source>The smallest of the given scalars (experimental).</source>
        <translation>주어진 스칼라 중 가장 작은 값(실험적).</translation>
    </message>
    <message>
        <source>The largest of the given scalars (experimental).</source>
        <translation>주어진 스칼라 중 가장 큰 값(실험적).</translation>
    </message>
    <message>
        <source>The value of a one-element vector as a scalar; NaN otherwise.</source>
        <translation>원소가 하나인 벡터의 값을 스칼라로 반환합니다. 그렇지 않으면 NaN.</translation>
    </message>
    <message>
        <source>A vector with one series without labels holding the scalar.</source>
        <translation>스칼라 값을 담은, 레이블 없는 시리즈 하나로 된 벡터.</translation>
    </message>
    <message>
        <source>Evaluation time in seconds since the epoch.</source>
        <translation>평가 시각(epoch 이후 초).</translation>
    </message>
    <message>
        <source>Timestamp of every sample in seconds since the epoch.</source>
        <translation>각 샘플의 타임스탬프(epoch 이후 초).</translation>
    </message>
    <message>
        <source>1 when the vector has no elements, nothing otherwise (for alerts on missing series).</source>
        <translation>벡터에 원소가 없으면 1, 있으면 아무것도 반환하지 않습니다(시리즈 누락 알림용).</translation>
    </message>
    <message>
        <source>Sorts the vector by sample value, ascending.</source>
        <translation>샘플 값 기준 오름차순으로 벡터를 정렬합니다.</translation>
    </message>
    <message>
        <source>Sorts the vector by sample value, descending.</source>
        <translation>샘플 값 기준 내림차순으로 벡터를 정렬합니다.</translation>
    </message>
    <message>
        <source>Sorts the vector by the given labels, ascending (experimental).</source>
        <translation>주어진 레이블 기준 오름차순으로 벡터를 정렬합니다(실험적).</translation>
    </message>
    <message>
        <source>Sorts the vector by the given labels, descending (experimental).</source>
        <translation>주어진 레이블 기준 내림차순으로 벡터를 정렬합니다(실험적).</translation>
    </message>
    <message>
        <source>Writes a regex replacement of a source label into a destination label.</source>
        <translation>원본 레이블에 정규식 치환을 적용한 결과를 대상 레이블에 씁니다.</translation>
    </message>
    <message>
        <source>Joins the values of source labels with a separator into a destination label.</source>
        <translation>원본 레이블 값들을 구분자로 이어 대상 레이블에 씁니다.</translation>
    </message>
    <message>
        <source>Number of days in the month of every timestamp (UTC).</source>
        <translation>각 타임스탬프가 속한 달의 일수(UTC).</translation>
    </message>
    <message>
        <source>Day of the month (1–31) of every timestamp (UTC).</source>
        <translation>각 타임스탬프의 일(1–31, UTC).</translation>
    </message>
    <message>
        <source>Day of the week (0 = Sunday) of every timestamp (UTC).</source>
        <translation>각 타임스탬프의 요일(0 = 일요일, UTC).</translation>
    </message>
    <message>
        <source>Day of the year (1–366) of every timestamp (UTC).</source>
        <translation>각 타임스탬프의 연중 일(1–366, UTC).</translation>
    </message>
    <message>
        <source>Hour of the day (0–23) of every timestamp (UTC).</source>
        <translation>각 타임스탬프의 시(0–23, UTC).</translation>
    </message>
    <message>
        <source>Minute of the hour (0–59) of every timestamp (UTC).</source>
        <translation>각 타임스탬프의 분(0–59, UTC).</translation>
    </message>
    <message>
        <source>Month of the year (1–12) of every timestamp (UTC).</source>
        <translation>각 타임스탬프의 월(1–12, UTC).</translation>
    </message>
    <message>
        <source>Year of every timestamp (UTC).</source>
        <translation>각 타임스탬프의 연도(UTC).</translation>
    </message>
    <message>
        <source>1 when the range has no samples, nothing otherwise.</source>
        <translation>범위에 샘플이 없으면 1, 있으면 아무것도 반환하지 않습니다.</translation>
    </message>
    <message>
        <source>Average of the samples in the range.</source>
        <translation>범위 내 샘플의 평균.</translation>
    </message>
    <message>
        <source>Number of samples in the range.</source>
        <translation>범위 내 샘플 수.</translation>
    </message>
    <message>
        <source>The newest sample in the range.</source>
        <translation>범위 내 가장 최근 샘플.</translation>
    </message>
    <message>
        <source>Largest sample in the range.</source>
        <translation>범위 내 가장 큰 샘플.</translation>
    </message>
    <message>
        <source>Smallest sample in the range.</source>
        <translation>범위 내 가장 작은 샘플.</translation>
    </message>
    <message>
        <source>1 for every series with a sample in the range.</source>
        <translation>범위 내 샘플이 있는 각 시리즈에 대해 1.</translation>
    </message>
    <message>
        <source>φ-quantile (0 ≤ φ ≤ 1) of the samples in the range.</source>
        <translation>범위 내 샘플의 φ-분위수(0 ≤ φ ≤ 1).</translation>
    </message>
    <message>
        <source>Population standard deviation of the samples in the range.</source>
        <translation>범위 내 샘플의 모표준편차.</translation>
    </message>
    <message>
        <source>Population variance of the samples in the range.</source>
        <translation>범위 내 샘플의 모분산.</translation>
    </message>
    <message>
        <source>Sum of the samples in the range.</source>
        <translation>범위 내 샘플의 합.</translation>
    </message>
    <message>
        <source>Median absolute deviation of the samples in the range (experimental).</source>
        <translation>범위 내 샘플의 중앙값 절대 편차(실험적).</translation>
    </message>
    <message>
        <source>The oldest sample in the range (experimental).</source>
        <translation>범위 내 가장 오래된 샘플(실험적).</translation>
    </message>
    <message>
        <source>Timestamp of the oldest sample in the range (experimental).</source>
        <translation>범위 내 가장 오래된 샘플의 타임스탬프(실험적).</translation>
    </message>
    <message>
        <source>Timestamp of the newest sample in the range (experimental).</source>
        <translation>범위 내 가장 최근 샘플의 타임스탬프(실험적).</translation>
    </message>
    <message>
        <source>Timestamp of the largest sample in the range (experimental).</source>
        <translation>범위 내 가장 큰 샘플의 타임스탬프(실험적).</translation>
    </message>
    <message>
        <source>Timestamp of the smallest sample in the range (experimental).</source>
        <translation>범위 내 가장 작은 샘플의 타임스탬프(실험적).</translation>
    </message>
    <message>
        <source>Number of times the value changed within the range.</source>
        <translation>범위 내에서 값이 바뀐 횟수.</translation>
    </message>
    <message>
        <source>Number of counter resets within the range.</source>
        <translation>범위 내 카운터 리셋 횟수.</translation>
    </message>
    <message>
        <source>Difference between the first and last value of a gauge over the range, extrapolated.</source>
        <translation>범위에서 게이지의 처음 값과 마지막 값의 차이(외삽).</translation>
    </message>
    <message>
        <source>Per-second derivative of a gauge by simple linear regression.</source>
        <translation>단순 선형 회귀로 구한 게이지의 초당 미분값.</translation>
    </message>
    <message>
        <source>Difference between the last two samples in the range.</source>
        <translation>범위 내 마지막 두 샘플의 차이.</translation>
    </message>
    <message>
        <source>Increase of a counter over the range, corrected for resets and extrapolated.</source>
        <translation>범위 동안 카운터의 증가량(리셋 보정, 외삽).</translation>
    </message>
    <message>
        <source>Per-second rate of a counter from the last two samples in the range.</source>
        <translation>범위 내 마지막 두 샘플로 구한 카운터의 초당 변화율.</translation>
    </message>
    <message>
        <source>Average per-second rate of increase of a counter over the range.</source>
        <translation>범위 동안 카운터의 평균 초당 증가율.</translation>
    </message>
    <message>
        <source>Predicts the value t seconds from now by linear regression.</source>
        <translation>선형 회귀로 t초 뒤의 값을 예측합니다.</translation>
    </message>
    <message>
        <source>Smoothed value of a gauge (Holt's linear method, experimental).</source>
        <translation>게이지의 평활값(Holt 선형 방법, 실험적).</translation>
    </message>
    <message>
        <source>Integral of a gauge over the range, in value·seconds (experimental).</source>
        <translation>범위에 대한 게이지의 적분(값·초, 실험적).</translation>
    </message>
    <message>
        <source>φ-quantile from the buckets of a classic or native histogram.</source>
        <translation>클래식 또는 네이티브 히스토그램 버킷에서 구한 φ-분위수.</translation>
    </message>
    <message>
        <source>Fraction of observations between two bounds of a native histogram.</source>
        <translation>네이티브 히스토그램에서 두 경계 사이 관측값의 비율.</translation>
    </message>
    <message>
        <source>Several quantiles of a histogram at once (experimental).</source>
        <translation>히스토그램의 여러 분위수를 한 번에(실험적).</translation>
    </message>
    <message>
        <source>Average of the observations of a native histogram.</source>
        <translation>네이티브 히스토그램 관측값의 평균.</translation>
    </message>
    <message>
        <source>Number of observations of a native histogram.</source>
        <translation>네이티브 히스토그램 관측값의 개수.</translation>
    </message>
    <message>
        <source>Sum of the observations of a native histogram.</source>
        <translation>네이티브 히스토그램 관측값의 합.</translation>
    </message>
    <message>
        <source>Estimated standard deviation of a native histogram's observations.</source>
        <translation>네이티브 히스토그램 관측값의 추정 표준편차.</translation>
    </message>
    <message>
        <source>Estimated variance of a native histogram's observations.</source>
        <translation>네이티브 히스토그램 관측값의 추정 분산.</translation>
    </message>
    <message>
        <source>Adds the labels of matching info metrics (target_info) to every series (experimental).</source>
        <translation>일치하는 info 메트릭(target_info)의 레이블을 각 시리즈에 추가합니다(실험적).</translation>
    </message>
    <message>
        <source>Start of the query range (inside @ only).</source>
        <translation>쿼리 범위의 시작(@ 안에서만).</translation>
    </message>
    <message>
        <source>End of the query range (inside @ only).</source>
        <translation>쿼리 범위의 끝(@ 안에서만).</translation>
    </message>
    <message>
        <source>Length of the query range in seconds (experimental).</source>
        <translation>쿼리 범위의 길이(초, 실험적).</translation>
    </message>
    <message>
        <source>Query step in seconds (experimental).</source>
        <translation>쿼리 간격(step, 초, 실험적).</translation>
    </message>
    <message>
        <source>Sum over dimensions.</source>
        <translation>차원별 합계.</translation>
    </message>
    <message>
        <source>Average over dimensions.</source>
        <translation>차원별 평균.</translation>
    </message>
    <message>
        <source>Minimum over dimensions.</source>
        <translation>차원별 최솟값.</translation>
    </message>
    <message>
        <source>Maximum over dimensions.</source>
        <translation>차원별 최댓값.</translation>
    </message>
    <message>
        <source>Number of elements in the vector.</source>
        <translation>벡터의 원소 수.</translation>
    </message>
    <message>
        <source>1 for every group (all values become 1).</source>
        <translation>각 그룹에 대해 1(모든 값이 1이 됨).</translation>
    </message>
    <message>
        <source>Population standard deviation over dimensions.</source>
        <translation>차원별 모표준편차.</translation>
    </message>
    <message>
        <source>Population variance over dimensions.</source>
        <translation>차원별 모분산.</translation>
    </message>
    <message>
        <source>The k largest elements by sample value.</source>
        <translation>샘플 값이 가장 큰 k개 원소.</translation>
    </message>
    <message>
        <source>The k smallest elements by sample value.</source>
        <translation>샘플 값이 가장 작은 k개 원소.</translation>
    </message>
    <message>
        <source>Number of elements with the same value, the value in the given label.</source>
        <translation>같은 값을 가진 원소의 수(값은 지정한 레이블에 담김).</translation>
    </message>
    <message>
        <source>φ-quantile (0 ≤ φ ≤ 1) over dimensions.</source>
        <translation>차원별 φ-분위수(0 ≤ φ ≤ 1).</translation>
    </message>
    <message>
        <source>k elements of each group, chosen deterministically (experimental).</source>
        <translation>각 그룹에서 결정적으로 고른 k개 원소(실험적).</translation>
    </message>
    <message>
        <source>A deterministic sample of about the given ratio of elements (experimental).</source>
        <translation>주어진 비율만큼의 원소를 결정적으로 추출한 표본(실험적).</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AddToDashboardDialog</name>
    <message>
        <source>Add to dashboard</source>
        <translation>대시보드에 추가</translation>
    </message>
    <message>
        <source>New dashboard</source>
        <translation>새 대시보드</translation>
    </message>
    <message>
        <source>Title of the new dashboard</source>
        <translation>새 대시보드 제목</translation>
    </message>
    <message>
        <source>Open the dashboard afterwards</source>
        <translation>추가 후 대시보드 열기</translation>
    </message>
    <message>
        <source>Panel title:</source>
        <translation>패널 제목:</translation>
    </message>
    <message>
        <source>Dashboard:</source>
        <translation>대시보드:</translation>
    </message>
    <message>
        <source>New dashboard:</source>
        <translation>새 대시보드:</translation>
    </message>
    <message>
        <source>Loading the dashboards…</source>
        <translation>대시보드를 불러오는 중…</translation>
    </message>
    <message>
        <source>Add panel</source>
        <translation>패널 추가</translation>
    </message>
    <message>
        <source>The engine is not running: dashboards cannot be saved now.</source>
        <translation>엔진이 실행 중이 아니어서 지금은 대시보드를 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not read the saved dashboards: %1</source>
        <translation>저장된 대시보드를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>Could not add the panel: %1</source>
        <translation>패널을 추가할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AlertDesk</name>
    <message>
        <source>The engine is not running.</source>
        <translation>엔진이 실행 중이 아닙니다.</translation>
    </message>
    <message>
        <source>Silenced for 1 h from the desktop notification</source>
        <translation>데스크톱 알림에서 1시간 무음 처리함</translation>
    </message>
    <message>
        <source>Action succeeded:</source>
        <translation>작업 성공:</translation>
    </message>
    <message>
        <source>Action failed:</source>
        <translation>작업 실패:</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AlertHistoryModel</name>
    <message>
        <source>fired</source>
        <translation>발생</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>해결</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>무음 처리</translation>
    </message>
    <message>
        <source>silence expired</source>
        <translation>무음 만료</translation>
    </message>
    <message>
        <source>notification</source>
        <translation>알림 발송</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>전달됨</translation>
    </message>
    <message>
        <source>failed, will retry</source>
        <translation>실패, 재시도 예정</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>%1 %2, attempt %3: %4</source>
        <translation>%1 %2, 시도 %3: %4</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>등급</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AlertListModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 후</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (%2 전)</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>무음 처리</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Fires</source>
        <translation>발생 예정</translation>
    </message>
    <message>
        <source>Firing since</source>
        <translation>발생 시작</translation>
    </message>
    <message>
        <source>Silenced</source>
        <translation>무음 처리됨</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>확인됨</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AlertPopup</name>
    <message>
        <source>Vigil: critical alert</source>
        <translation>Vigil: 심각 알림</translation>
    </message>
    <message>
        <source>What are you doing about it?</source>
        <translation>어떻게 조치하고 있습니까?</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Silence 1 h</source>
        <translation>1시간 무음</translation>
    </message>
    <message>
        <source>Open graph</source>
        <translation>그래프 열기</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Enter who takes ownership of the alert.</source>
        <translation>알림을 담당할 사람을 입력하세요.</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>%1님이 확인함</translation>
    </message>
    <message>
        <source>Acknowledged by %1: %2</source>
        <translation>%1님이 확인함: %2</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AlertsPage</name>
    <message>
        <source>Emergency</source>
        <translation>긴급</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>심각</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1일 %2시간</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>발생 중</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Silences</source>
        <translation>무음</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>No alerts are firing.</source>
        <translation>발생 중인 알림이 없습니다.</translation>
    </message>
    <message>
        <source>Comment for the silence (why, who is on it)</source>
        <translation>무음 설명(사유, 담당자)</translation>
    </message>
    <message>
        <source>Silence 1 h</source>
        <translation>1시간 무음</translation>
    </message>
    <message>
        <source>Silence 4 h</source>
        <translation>4시간 무음</translation>
    </message>
    <message>
        <source>Silence until resolved</source>
        <translation>해결될 때까지 무음</translation>
    </message>
    <message>
        <source>Open graph</source>
        <translation>그래프 열기</translation>
    </message>
    <message>
        <source>Mute notifications of this alert (all its labels) for one hour</source>
        <translation>이 알림(모든 레이블)의 알림 발송을 1시간 동안 무음 처리합니다</translation>
    </message>
    <message>
        <source>Mute notifications of this alert until it resolves</source>
        <translation>이 알림이 해결될 때까지 알림 발송을 무음 처리합니다</translation>
    </message>
    <message>
        <source>Graph the alert's expression around its firing time in Explore</source>
        <translation>탐색에서 알림 발생 시점 전후의 알림 표현식을 그래프로 표시합니다</translation>
    </message>
    <message>
        <source>Alerts whose condition holds but whose “for” duration has not passed yet.</source>
        <translation>조건은 충족되었지만 “for” 지속 시간이 아직 지나지 않은 알림입니다.</translation>
    </message>
    <message>
        <source>Expire now</source>
        <translation>지금 만료</translation>
    </message>
    <message>
        <source>End the selected silence early</source>
        <translation>선택한 무음을 일찍 종료합니다</translation>
    </message>
    <message>
        <source>Filter: alert, label, receiver, error…</source>
        <translation>필터: 알림, 레이블, 수신자, 오류…</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>모든 등급</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>최근 1시간</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>최근 24시간</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Alerts are not available: %1</source>
        <translation>알림을 사용할 수 없습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>No alerts are firing; %n pending.</source>
        <translation>
            <numerusform>발생 중인 알림이 없습니다. 대기 중 %n개.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n firing (%1), %2 pending</source>
        <translation>
            <numerusform>발생 중 %n개(%1), 대기 중 %2개</numerusform>
        </translation>
    </message>
    <message>
        <source>Firing (%1)</source>
        <translation>발생 중 (%1)</translation>
    </message>
    <message>
        <source>Pending (%1)</source>
        <translation>대기 중 (%1)</translation>
    </message>
    <message>
        <source>Updated %1.</source>
        <translation>%1에 업데이트됨.</translation>
    </message>
    <message>
        <source>The alert history is not available: %1</source>
        <translation>알림 기록을 사용할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Select an alert first.</source>
        <translation>먼저 알림을 선택하세요.</translation>
    </message>
    <message>
        <source>Silenced from the Alerts page</source>
        <translation>알림 페이지에서 무음 처리함</translation>
    </message>
    <message>
        <source>Silenced until resolved from the Alerts page</source>
        <translation>알림 페이지에서 해결될 때까지 무음 처리함</translation>
    </message>
    <message>
        <source>Could not silence %1: %2</source>
        <translation>%1을(를) 무음 처리할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is silenced.</source>
        <translation>%1이(가) 무음 처리되었습니다.</translation>
    </message>
    <message>
        <source>Select a silence first.</source>
        <translation>먼저 무음을 선택하세요.</translation>
    </message>
    <message>
        <source>Could not expire the silence: %1</source>
        <translation>무음을 만료할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The silence has expired.</source>
        <translation>무음이 만료되었습니다.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::CardinalityModel</name>
    <message>
        <source>Count</source>
        <translation>개수</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>비율</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ChannelsForm</name>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>심각</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>긴급</translation>
    </message>
    <message>
        <source>Where each tier's alerts go besides the desktop. Webhook URLs and passwords are kept in the system keychain, never in Vigil's database. Quiet hours mute notifications of a tier; emergency alerts are never muted.</source>
        <translation>데스크톱 외에 각 등급의 알림을 보낼 곳입니다. 웹후크 URL과 비밀번호는 Vigil 데이터베이스가 아닌 시스템 키체인에 보관됩니다. 방해 금지 시간에는 해당 등급의 알림 발송이 무음 처리되며, 긴급 알림은 절대 무음 처리되지 않습니다.</translation>
    </message>
    <message>
        <source>Save channels</source>
        <translation>채널 저장</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>ops@example.org</source>
        <translation>ops@example.org</translation>
    </message>
    <message>
        <source>smtp.example.org:587</source>
        <translation>smtp.example.org:587</translation>
    </message>
    <message>
        <source>Require TLS</source>
        <translation>TLS 필요</translation>
    </message>
    <message>
        <source>/usr/local/bin/page-oncall</source>
        <translation>/usr/local/bin/page-oncall</translation>
    </message>
    <message>
        <source>Slack webhook URL</source>
        <translation>Slack 웹후크 URL</translation>
    </message>
    <message>
        <source>Email to</source>
        <translation>받는 사람 이메일</translation>
    </message>
    <message>
        <source>Email from</source>
        <translation>보내는 사람 이메일</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP 서버</translation>
    </message>
    <message>
        <source>SMTP user</source>
        <translation>SMTP 사용자</translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation>SMTP 비밀번호</translation>
    </message>
    <message>
        <source>SMS webhook URL</source>
        <translation>SMS 웹후크 URL</translation>
    </message>
    <message>
        <source>Action command</source>
        <translation>작업 명령</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>방해 금지 시간</translation>
    </message>
    <message>
        <source>Monday to Friday only</source>
        <translation>월요일~금요일만</translation>
    </message>
    <message>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <source>Emergency alerts are never muted by quiet hours.</source>
        <translation>긴급 알림은 방해 금지 시간에도 무음 처리되지 않습니다.</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>테스트 전송</translation>
    </message>
    <message>
        <source>Send a test notification through this tier's channels as entered above</source>
        <translation>위에 입력한 이 단계의 채널로 테스트 알림을 보냅니다</translation>
    </message>
    <message>
        <source>stored in the keychain; type to replace</source>
        <translation>키체인에 저장됨. 바꾸려면 입력하세요</translation>
    </message>
    <message>
        <source>Could not read the notification settings: %1</source>
        <translation>알림 설정을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Notifications are configured by --notifier.config.file; these settings apply when Vigil runs without it. Send test works.</source>
        <translation>알림이 --notifier.config.file로 구성되어 있습니다. 이 설정은 Vigil을 해당 옵션 없이 실행할 때 적용됩니다. 테스트 전송은 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>Saved; the notifier uses the new channels now.</source>
        <translation>저장했습니다. 이제 알림 발송기가 새 채널을 사용합니다.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>저장되지 않음: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>전송되지 않음: %1</translation>
    </message>
    <message>
        <source>This tier has no channel besides the desktop.</source>
        <translation>이 단계에는 데스크톱 외의 채널이 없습니다.</translation>
    </message>
    <message>
        <source>%1: delivered</source>
        <translation>%1: 전달됨</translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation>%1: 실패 — %2</translation>
    </message>
</context>
<context>
    <name>vigil::ui::Dashboard</name>
    <message>
        <source>not valid JSON at byte %1: %2</source>
        <translation>%1바이트 위치에서 올바른 JSON이 아닙니다: %2</translation>
    </message>
    <message>
        <source>a dashboard must be a JSON object</source>
        <translation>대시보드는 JSON 객체여야 합니다</translation>
    </message>
    <message>
        <source>"vigilDashboard" (the format version) is missing; is this a Vigil dashboard?</source>
        <translation>"vigilDashboard"(형식 버전)가 없습니다. Vigil 대시보드가 맞습니까?</translation>
    </message>
    <message>
        <source>format version %1 is not supported (this Vigil reads version %2)</source>
        <translation>형식 버전 %1은 지원하지 않습니다(이 Vigil은 버전 %2를 읽습니다)</translation>
    </message>
    <message>
        <source>"name" must be 1-64 characters of a-z, 0-9, _ and -</source>
        <translation>"name"은 a-z, 0-9, _, -로 된 1–64자여야 합니다</translation>
    </message>
    <message>
        <source>"title" must be a string</source>
        <translation>"title"은 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>"titles" must map language codes to strings</source>
        <translation>"titles"는 언어 코드를 문자열에 대응시켜야 합니다</translation>
    </message>
    <message>
        <source>"range" must be a positive number of seconds</source>
        <translation>"range"는 양수 초 값이어야 합니다</translation>
    </message>
    <message>
        <source>"refresh" must be a number of seconds &gt;= 0</source>
        <translation>"refresh"는 0 이상의 초 값이어야 합니다</translation>
    </message>
    <message>
        <source>"variables" must be an array</source>
        <translation>"variables"는 배열이어야 합니다</translation>
    </message>
    <message>
        <source>variable "%1": a name is letters, digits and _, not starting with a digit or __</source>
        <translation>변수 "%1": 이름은 문자, 숫자, _로 이루어지며 숫자나 __로 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>variable "%1": "titles", "values" and "current" must hold strings</source>
        <translation>변수 "%1": "titles", "values", "current"는 문자열을 담아야 합니다</translation>
    </message>
    <message>
        <source>"panels" must be an array</source>
        <translation>"panels"는 배열이어야 합니다</translation>
    </message>
    <message>
        <source>panel %1 must be an object</source>
        <translation>패널 %1은 객체여야 합니다</translation>
    </message>
    <message>
        <source>panel %1: unknown type "%2" (graph, stat, gauge, table, statusgrid)</source>
        <translation>패널 %1: 알 수 없는 유형 "%2"(graph, stat, gauge, table, statusgrid)</translation>
    </message>
    <message>
        <source>panel %1: "grid" must lie within %2 columns (x + w &lt;= %2, w and h &gt;= 1)</source>
        <translation>패널 %1: "grid"는 %2열 안에 있어야 합니다(x + w &lt;= %2, w와 h &gt;= 1)</translation>
    </message>
    <message>
        <source>panel %1: %2</source>
        <translation>패널 %1: %2</translation>
    </message>
    <message>
        <source>panel %1: "titles" must map language codes to strings</source>
        <translation>패널 %1: "titles"는 언어 코드를 문자열에 대응시켜야 합니다</translation>
    </message>
    <message>
        <source>panel %1: "max" must be greater than "min"</source>
        <translation>패널 %1: "max"는 "min"보다 커야 합니다</translation>
    </message>
</context>
<context>
    <name>vigil::ui::DashboardView</name>
    <message>
        <source>Last 5 minutes</source>
        <translation>최근 5분</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>최근 15분</translation>
    </message>
    <message>
        <source>Last 1 hour</source>
        <translation>최근 1시간</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>최근 6시간</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>최근 24시간</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <source>Refresh off</source>
        <translation>새로 고침 끔</translation>
    </message>
    <message>
        <source>Every 5 s</source>
        <translation>5초마다</translation>
    </message>
    <message>
        <source>Every 15 s</source>
        <translation>15초마다</translation>
    </message>
    <message>
        <source>Every 30 s</source>
        <translation>30초마다</translation>
    </message>
    <message>
        <source>Every 1 min</source>
        <translation>1분마다</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Add panel</source>
        <translation>패널 추가</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Last %1 s</source>
        <translation>최근 %1초</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>New panel</source>
        <translation>새 패널</translation>
    </message>
    <message>
        <source>Remove panel</source>
        <translation>패널 제거</translation>
    </message>
    <message>
        <source>Remove the panel “%1”?</source>
        <translation>패널 “%1”을(를) 제거하시겠습니까?</translation>
    </message>
</context>
<context>
    <name>vigil::ui::DashboardsPage</name>
    <message>
        <source>Add target…</source>
        <translation>대상 추가…</translation>
    </message>
    <message>
        <source>Scrape another exporter or service: opens the Targets page's form.</source>
        <translation>다른 익스포터나 서비스를 수집합니다: 대상 페이지의 입력 양식을 엽니다.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>새로 만들기</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Import dashboard</source>
        <translation>대시보드 가져오기</translation>
    </message>
    <message>
        <source>Dashboards (*.json)</source>
        <translation>대시보드 (*.json)</translation>
    </message>
    <message>
        <source>Export dashboard</source>
        <translation>대시보드 내보내기</translation>
    </message>
    <message>
        <source>Could not read the saved dashboards: %1</source>
        <translation>저장된 대시보드를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (기본 제공)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>“%1”을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Not saved: the engine is not running.</source>
        <translation>저장되지 않았습니다: 엔진이 실행 중이 아닙니다.</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation>“%1”을(를) 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>New dashboard</source>
        <translation>새 대시보드</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>제목:</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (사본)</translation>
    </message>
    <message>
        <source>Revert “%1” to the built-in version? Your changes are lost.</source>
        <translation>“%1”을(를) 기본 제공 버전으로 되돌리시겠습니까? 변경 내용이 사라집니다.</translation>
    </message>
    <message>
        <source>Delete the dashboard “%1”?</source>
        <translation>대시보드 “%1”을(를) 삭제하시겠습니까?</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>대시보드</translation>
    </message>
    <message>
        <source>Could not import %1: %2</source>
        <translation>%1을(를) 가져올 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Imported “%1”.</source>
        <translation>“%1”을(를) 가져왔습니다.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>%1(으)로 내보냈습니다.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::DataSourceDialog</name>
    <message>
        <source>Add data source</source>
        <translation>데이터 소스 추가</translation>
    </message>
    <message>
        <source>Edit data source</source>
        <translation>데이터 소스 편집</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>e.g. http://prometheus:9090 or https://mimir/prometheus</source>
        <translation>예: http://prometheus:9090 또는 https://mimir/prometheus</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Basic (username and password)</source>
        <translation>Basic(사용자 이름과 비밀번호)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer 토큰</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>인증</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>사용자 이름</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>시스템 키체인에 보관됨</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>변경 없음(시스템 키체인에 보관됨)</translation>
    </message>
    <message>
        <source>Password or token</source>
        <translation>비밀번호 또는 토큰</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 파일</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>클라이언트 인증서</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>클라이언트 키</translation>
    </message>
    <message>
        <source>Do not verify the server's certificate</source>
        <translation>서버 인증서를 검증하지 않음</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>테스트 중…</translation>
    </message>
    <message>
        <source>The server answers PromQL queries.</source>
        <translation>서버가 PromQL 쿼리에 응답합니다.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::DesktopAlertSink</name>
    <message>
        <source>Escalated (step %1): %2</source>
        <translation>에스컬레이션됨(%1단계): %2</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>%1님이 확인함</translation>
    </message>
    <message>
        <source>Open graph</source>
        <translation>그래프 열기</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Silence 1 h</source>
        <translation>1시간 무음</translation>
    </message>
    <message>
        <source>Run runbook</source>
        <translation>런북 실행</translation>
    </message>
</context>
<context>
    <name>vigil::ui::EmergencyWindow</name>
    <message>
        <source>Vigil: EMERGENCY</source>
        <translation>Vigil: 긴급</translation>
    </message>
    <message>
        <source>No action output yet.</source>
        <translation>아직 작업 출력이 없습니다.</translation>
    </message>
    <message>
        <source>Action output:</source>
        <translation>작업 출력:</translation>
    </message>
    <message>
        <source>Required: what are you doing about it?</source>
        <translation>필수: 어떤 조치를 하고 있습니까?</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>This window stays until the alert is acknowledged.</source>
        <translation>이 창은 알림이 확인될 때까지 표시됩니다.</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Open graph</source>
        <translation>그래프 열기</translation>
    </message>
    <message>
        <source>An emergency needs an owner and a comment to be acknowledged.</source>
        <translation>긴급 알림을 확인하려면 담당자와 코멘트가 필요합니다.</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>값:</translation>
    </message>
    <message>
        <source>No runbook for this alert.</source>
        <translation>이 알림에 대한 런북이 없습니다.</translation>
    </message>
    <message>
        <source>Runbook: &lt;a href="%1"&gt;%2&lt;/a&gt;</source>
        <translation>런북: &lt;a href="%1"&gt;%2&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>최근 1시간</translation>
    </message>
    <message>
        <source>Acknowledged by %1: %2</source>
        <translation>%1님이 확인함: %2</translation>
    </message>
    <message>
        <source>Acknowledge the emergency first (owner and comment).</source>
        <translation>먼저 긴급 알림을 확인하세요(담당자와 코멘트).</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ExplorePage</name>
    <message>
        <source>Explore</source>
        <translation>탐색</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Run the query (Ctrl+Enter)</source>
        <translation>쿼리 실행(Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Queries run before</source>
        <translation>이전에 실행한 쿼리</translation>
    </message>
    <message>
        <source>Metrics…</source>
        <translation>메트릭…</translation>
    </message>
    <message>
        <source>Browse the metric names with their descriptions</source>
        <translation>메트릭 이름과 설명 둘러보기</translation>
    </message>
    <message>
        <source>Legend, e.g. {{instance}}</source>
        <translation>범례, 예: {{instance}}</translation>
    </message>
    <message>
        <source>Graph legend template: {{label}} is replaced by the series' label value; empty shows every label</source>
        <translation>그래프 범례 템플릿: {{label}}은 시리즈의 레이블 값으로 바뀝니다. 비워 두면 모든 레이블을 표시합니다</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>표현식</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>노드</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>표</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>그래프</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>실행 분석</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>실행 중…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>엔진이 실행 중이 아닙니다.</translation>
    </message>
    <message>
        <source>The engine stopped.</source>
        <translation>엔진이 중지되었습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>결과 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>showing the first %1</source>
        <translation>처음 %1개 표시</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>시리즈 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>샘플 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>노드 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>whole query %1 ms</source>
        <translation>전체 쿼리 %1 ms</translation>
    </message>
    <message>
        <source>No queries yet</source>
        <translation>아직 실행한 쿼리가 없습니다</translation>
    </message>
    <message>
        <source>Add to dashboard…</source>
        <translation>대시보드에 추가…</translation>
    </message>
    <message>
        <source>Put this query on a dashboard as a graph panel</source>
        <translation>이 쿼리를 대시보드에 그래프 패널로 추가합니다</translation>
    </message>
    <message>
        <source>Where the query runs: the local engine or a remote Prometheus-compatible server</source>
        <translation>쿼리를 실행할 위치: 로컬 엔진 또는 Prometheus 호환 원격 서버</translation>
    </message>
    <message>
        <source>Explain evaluates each part of the query on the local engine; choose “Local engine” to use it.</source>
        <translation>설명 기능은 쿼리의 각 부분을 로컬 엔진에서 평가합니다. 사용하려면 “로컬 엔진”을 선택하세요.</translation>
    </message>
    <message>
        <source>Added the panel “%1” to the dashboard “%2”.</source>
        <translation>패널 “%1”을(를) 대시보드 “%2”에 추가했습니다.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::GraphPanel</name>
    <message>
        <source>Last 5 minutes</source>
        <translation>최근 5분</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>최근 15분</translation>
    </message>
    <message>
        <source>Last 30 minutes</source>
        <translation>최근 30분</translation>
    </message>
    <message>
        <source>Last 1 hour</source>
        <translation>최근 1시간</translation>
    </message>
    <message>
        <source>Last 3 hours</source>
        <translation>최근 3시간</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>최근 6시간</translation>
    </message>
    <message>
        <source>Last 12 hours</source>
        <translation>최근 12시간</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>최근 24시간</translation>
    </message>
    <message>
        <source>Last 2 days</source>
        <translation>최근 2일</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>최근 30일</translation>
    </message>
    <message>
        <source>Click a series' box to hide or show it; point at it to highlight it.</source>
        <translation>시리즈의 상자를 클릭하면 숨기거나 표시하고, 마우스를 올리면 강조합니다.</translation>
    </message>
    <message>
        <source>Absolute range…</source>
        <translation>절대 범위…</translation>
    </message>
    <message>
        <source>Refresh off</source>
        <translation>새로 고침 끔</translation>
    </message>
    <message>
        <source>Every 5 s</source>
        <translation>5초마다</translation>
    </message>
    <message>
        <source>Every 15 s</source>
        <translation>15초마다</translation>
    </message>
    <message>
        <source>Every 30 s</source>
        <translation>30초마다</translation>
    </message>
    <message>
        <source>Every 1 min</source>
        <translation>1분마다</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>선</translation>
    </message>
    <message>
        <source>Stacked areas</source>
        <translation>누적 영역</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>막대</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>점</translation>
    </message>
    <message>
        <source>No unit</source>
        <translation>단위 없음</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>퍼센트</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>바이트</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Operations/s</source>
        <translation>초당 작업</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>확대 초기화</translation>
    </message>
    <message>
        <source>Drag across the graph to zoom, Shift+drag to pan, the wheel to zoom around the cursor.</source>
        <translation>그래프를 드래그하면 확대, Shift+드래그하면 이동, 휠로 커서 주변을 확대/축소합니다.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Image (PNG)…</source>
        <translation>이미지(PNG)…</translation>
    </message>
    <message>
        <source>Data (CSV)…</source>
        <translation>데이터(CSV)…</translation>
    </message>
    <message>
        <source>Last %1 s</source>
        <translation>최근 %1초</translation>
    </message>
    <message>
        <source>Absolute time range</source>
        <translation>절대 시간 범위</translation>
    </message>
    <message>
        <source>From</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>To</source>
        <translation>끝</translation>
    </message>
    <message>
        <source>The start must be before the end.</source>
        <translation>시작은 끝보다 앞서야 합니다.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <source>The engine stopped.</source>
        <translation>엔진이 중지되었습니다.</translation>
    </message>
    <message>
        <source>No query.</source>
        <translation>쿼리가 없습니다.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>실행 중…</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>시리즈 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>step %1 s</source>
        <translation>간격 %1초</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Export graph as PNG</source>
        <translation>그래프를 PNG로 내보내기</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Export data as CSV</source>
        <translation>데이터를 CSV로 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Overlay the same queries over an earlier window and show each series' change in percent.</source>
        <translation>같은 쿼리를 이전 기간에 겹쳐 표시하고 각 시리즈의 변화를 백분율로 보여 줍니다.</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>비교 안 함</translation>
    </message>
    <message>
        <source>1 day earlier</source>
        <translation>1일 전</translation>
    </message>
    <message>
        <source>1 week earlier</source>
        <translation>1주 전</translation>
    </message>
    <message>
        <source>before “%1”</source>
        <translation>“%1” 이전</translation>
    </message>
    <message>
        <source>Before marker: %1</source>
        <translation>마커 이전: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::GraphPlot</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 외 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ui::IncidentListModel</name>
    <message>
        <source>Resolved</source>
        <translation>해결됨</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>인시던트</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>발생</translation>
    </message>
    <message>
        <source>To acknowledge</source>
        <translation>확인까지</translation>
    </message>
    <message>
        <source>To resolve</source>
        <translation>해결까지</translation>
    </message>
</context>
<context>
    <name>vigil::ui::IncidentReport</name>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>fired</source>
        <translation>발생</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <source>note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>무음 처리</translation>
    </message>
    <message>
        <source>action run</source>
        <translation>작업 실행</translation>
    </message>
    <message>
        <source>alert resolved</source>
        <translation>알림 해결됨</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>해결</translation>
    </message>
    <message>
        <source>Incident %1: %2</source>
        <translation>인시던트 %1: %2</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>심각도: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>상태: %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Grouped by: %1</source>
        <translation>그룹 기준: %1</translation>
    </message>
    <message>
        <source>Condition first true: %1</source>
        <translation>조건 최초 충족: %1</translation>
    </message>
    <message>
        <source>Fired: %1</source>
        <translation>발생: %1</translation>
    </message>
    <message>
        <source>Acknowledged: %1 by %2</source>
        <translation>확인: %1, 확인자: %2</translation>
    </message>
    <message>
        <source>Acknowledged: —</source>
        <translation>확인: —</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>해결: %1</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>대응 시간</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>측정 항목</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Time to detect</source>
        <translation>감지까지 걸린 시간</translation>
    </message>
    <message>
        <source>Time to acknowledge</source>
        <translation>확인까지 걸린 시간</translation>
    </message>
    <message>
        <source>Time to resolve</source>
        <translation>해결까지 걸린 시간</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>표현식</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>발생</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>해결됨</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>By</source>
        <translation>수행자</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>No notes.</source>
        <translation>메모가 없습니다.</translation>
    </message>
    <message>
        <source>Graphs</source>
        <translation>그래프</translation>
    </message>
    <message>
        <source>Not drawn: %1</source>
        <translation>그리지 못함: %1</translation>
    </message>
    <message>
        <source>No graphs.</source>
        <translation>그래프가 없습니다.</translation>
    </message>
    <message>
        <source>Correlated series</source>
        <translation>상관된 시리즈</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>시리즈</translation>
    </message>
    <message>
        <source>Pearson r</source>
        <translation>Pearson r</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>vigil::ui::IncidentsPage</name>
    <message>
        <source>Open incidents only</source>
        <translation>진행 중인 인시던트만</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Select an incident.</source>
        <translation>인시던트를 선택하세요.</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Export Markdown…</source>
        <translation>Markdown 내보내기…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF 내보내기…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>By</source>
        <translation>수행자</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>Write a note for the timeline…</source>
        <translation>타임라인에 남길 메모를 작성하세요…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>메모 추가</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>Show scope</source>
        <translation>범위 표시</translation>
    </message>
    <message>
        <source>Affected targets and graphs of the alert expression, its inputs and the node's CPU, memory, disk and network over the incident window.</source>
        <translation>인시던트 기간 동안 영향받은 대상과 알림 표현식, 그 입력, 노드의 CPU·메모리·디스크·네트워크 그래프입니다.</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>범위</translation>
    </message>
    <message>
        <source>Find correlated series</source>
        <translation>상관된 시리즈 찾기</translation>
    </message>
    <message>
        <source>Ranks the other series of the same instance by how strongly they moved with the alert's input in the 30 minutes before it fired (Pearson correlation; counters as rates).</source>
        <translation>알림이 발생하기 전 30분 동안 알림 입력과 얼마나 강하게 함께 움직였는지에 따라 같은 인스턴스의 다른 시리즈 순위를 매깁니다(피어슨 상관계수, 카운터는 비율로 계산).</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>시리즈</translation>
    </message>
    <message>
        <source>Pearson r</source>
        <translation>Pearson r</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>상관관계</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>엔진이 실행 중이 아닙니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s), %1 open</source>
        <translation>
            <numerusform>인시던트 %n건, 열림 %1건</numerusform>
        </translation>
    </message>
    <message>
        <source>Severity %1 · grouped by %2</source>
        <translation>심각도 %1 · %2 기준 그룹화</translation>
    </message>
    <message>
        <source>Fired %1 · to detect %2 · to acknowledge %3 · to resolve %4</source>
        <translation>발생 %1 · 감지까지 %2 · 확인까지 %3 · 해결까지 %4</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>%1님이 확인함</translation>
    </message>
    <message>
        <source>The note was not saved: %1</source>
        <translation>메모를 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation>확인 처리되지 않음: %1</translation>
    </message>
    <message>
        <source>Export incident as PDF</source>
        <translation>인시던트를 PDF로 내보내기</translation>
    </message>
    <message>
        <source>Export incident as Markdown</source>
        <translation>인시던트를 Markdown으로 내보내기</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Alert expression</source>
        <translation>알림 표현식</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>입력 %1</translation>
    </message>
    <message>
        <source>CPU busy on %1</source>
        <translation>%1의 CPU 사용률</translation>
    </message>
    <message>
        <source>Memory in use on %1</source>
        <translation>%1의 사용 중인 메모리</translation>
    </message>
    <message>
        <source>Filesystem use on %1</source>
        <translation>%1의 파일 시스템 사용량</translation>
    </message>
    <message>
        <source>Network bytes/s on %1</source>
        <translation>%1의 네트워크 바이트/s</translation>
    </message>
    <message>
        <source>Affected targets: %1</source>
        <translation>영향받는 대상: %1</translation>
    </message>
    <message>
        <source>none named</source>
        <translation>지정된 대상 없음</translation>
    </message>
    <message>
        <source>Correlating %1 with the series of %2=%3…</source>
        <translation>%1과(와) %2=%3의 시리즈 간 상관관계를 분석하는 중…</translation>
    </message>
    <message>
        <source>No correlation: %1</source>
        <translation>상관관계 없음: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n series compared.</source>
        <translation>
            <numerusform>시리즈 %n개를 비교했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>No incident is selected.</source>
        <translation>선택된 인시던트가 없습니다.</translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation>보고서를 %1에 저장했습니다.</translation>
    </message>
    <message>
        <source>Drawing the report's graphs…</source>
        <translation>보고서 그래프를 그리는 중…</translation>
    </message>
    <message>
        <source>Add marker…</source>
        <translation>마커 추가…</translation>
    </message>
    <message>
        <source>Mark a deploy or change now; the marker is drawn on every graph.</source>
        <translation>지금 시점에 배포나 변경을 표시합니다. 마커는 모든 그래프에 그려집니다.</translation>
    </message>
    <message>
        <source>Add marker</source>
        <translation>마커 추가</translation>
    </message>
    <message>
        <source>What changed (e.g. deploy api 1.4):</source>
        <translation>무엇이 바뀌었나요(예: deploy api 1.4):</translation>
    </message>
    <message>
        <source>The marker was not saved: %1</source>
        <translation>마커를 저장하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::InstantResultModel</name>
    <message>
        <source>scalar</source>
        <translation>스칼라</translation>
    </message>
    <message>
        <source>string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>시리즈</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
</context>
<context>
    <name>vigil::ui::KubernetesJobDialog</name>
    <message>
        <source>Kubernetes pods (annotations)</source>
        <translation>Kubernetes 파드(어노테이션)</translation>
    </message>
    <message>
        <source>Discovers the pods of a cluster and scrapes those annotated with prometheus.io/scrape: "true" (prometheus.io/port, /path and /scheme are honoured). Pods the workstation cannot reach are scraped through the API server's pod proxy.</source>
        <translation>클러스터의 파드를 검색하고 prometheus.io/scrape: "true" 어노테이션이 있는 파드를 수집합니다(prometheus.io/port, /path, /scheme도 반영). 워크스테이션에서 접근할 수 없는 파드는 API 서버의 파드 프록시를 통해 수집합니다.</translation>
    </message>
    <message>
        <source>Job:</source>
        <translation>작업(job):</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Kubeconfig file:</source>
        <translation>kubeconfig 파일:</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>컨텍스트:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>Scrape interval:</source>
        <translation>수집 간격:</translation>
    </message>
    <message>
        <source>Directly, through the API server when a pod cannot be reached</source>
        <translation>직접 수집, 파드에 접근할 수 없으면 API 서버 경유</translation>
    </message>
    <message>
        <source>Always through the API server's pod proxy</source>
        <translation>항상 API 서버의 파드 프록시 경유</translation>
    </message>
    <message>
        <source>Directly only</source>
        <translation>직접 수집만</translation>
    </message>
    <message>
        <source>Scrape pods:</source>
        <translation>파드 수집:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Choose a kubeconfig file</source>
        <translation>kubeconfig 파일 선택</translation>
    </message>
    <message>
        <source>Choose a kubeconfig file.</source>
        <translation>kubeconfig 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>Cannot read the kubeconfig: %1</source>
        <translation>kubeconfig를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The kubeconfig has no contexts.</source>
        <translation>kubeconfig에 컨텍스트가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n context(s) found.</source>
        <translation>
            <numerusform>컨텍스트 %n개를 찾았습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The job needs a name.</source>
        <translation>작업(job) 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>Choose a kubeconfig file with at least one context.</source>
        <translation>컨텍스트가 하나 이상 있는 kubeconfig 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>저장되지 않음: %1</translation>
    </message>
</context>
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
    <message>
        <source>Explore</source>
        <translation>탐색</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>대시보드</translation>
    </message>
    <message>
        <source>TSDB status</source>
        <translation>TSDB 상태</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>키체인</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>설정 파일</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>인시던트</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>원격</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Ingestion errors: %1</source>
        <translation>수집 오류: %1</translation>
    </message>
    <message>
        <source>Storage writes are failing: scraped samples are being dropped.</source>
        <translation>저장소 쓰기가 실패하고 있습니다: 수집한 샘플이 버려지고 있습니다.</translation>
    </message>
    <message>
        <source>Storage writes failed earlier; they succeed again.</source>
        <translation>앞서 저장소 쓰기가 실패했지만, 지금은 다시 성공합니다.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::MetricsExplorerDialog</name>
    <message>
        <source>Metrics explorer</source>
        <translation>메트릭 탐색기</translation>
    </message>
    <message>
        <source>Search metric names and descriptions</source>
        <translation>메트릭 이름과 설명 검색</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>메트릭</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>Use in query</source>
        <translation>쿼리에 사용</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>엔진이 실행 중이 아닙니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n metric(s)</source>
        <translation>
            <numerusform>메트릭 %n개</numerusform>
        </translation>
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
    <name>vigil::ui::PanelEditorDialog</name>
    <message>
        <source>Edit panel</source>
        <translation>패널 편집</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Time series graph</source>
        <translation>시계열 그래프</translation>
    </message>
    <message>
        <source>Single stat</source>
        <translation>단일 수치</translation>
    </message>
    <message>
        <source>Gauge</source>
        <translation>게이지</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>표</translation>
    </message>
    <message>
        <source>Status grid</source>
        <translation>상태 격자</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>PromQL query</source>
        <translation>PromQL 쿼리</translation>
    </message>
    <message>
        <source>Legend, e.g. {{instance}}</source>
        <translation>범례, 예: {{instance}}</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>쿼리</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>단위</translation>
    </message>
    <message>
        <source>e.g. 70 #f2c037, 85 #f57c00, 95 #d32f2f</source>
        <translation>예: 70 #f2c037, 85 #f57c00, 95 #d32f2f</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>임계값</translation>
    </message>
    <message>
        <source>Gauge min / max</source>
        <translation>게이지 최소 / 최대</translation>
    </message>
    <message>
        <source>Width / height (cells)</source>
        <translation>너비 / 높이(칸)</translation>
    </message>
    <message>
        <source>Threshold “%1”: write a value and a colour, e.g. 85 #f57c00.</source>
        <translation>임계값 “%1”: 값과 색을 쓰세요. 예: 85 #f57c00.</translation>
    </message>
    <message>
        <source>Query %1: %2</source>
        <translation>쿼리 %1: %2</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>데이터 소스</translation>
    </message>
</context>
<context>
    <name>vigil::ui::PanelFrame</name>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
</context>
<context>
    <name>vigil::ui::PanelTableModel</name>
    <message>
        <source>Series</source>
        <translation>시리즈</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
</context>
<context>
    <name>vigil::ui::PromqlEditor</name>
    <message>
        <source>Enter a PromQL expression, e.g. rate(node_cpu_seconds_total[5m]) — Ctrl+Enter runs it, Ctrl+Space completes</source>
        <translation>PromQL 표현식을 입력하세요. 예: rate(node_cpu_seconds_total[5m]) — Ctrl+Enter로 실행, Ctrl+Space로 자동 완성</translation>
    </message>
</context>
<context>
    <name>vigil::ui::RemotePage</name>
    <message>
        <source>Remote</source>
        <translation>원격</translation>
    </message>
    <message>
        <source>Remote write</source>
        <translation>원격 쓰기</translation>
    </message>
    <message>
        <source>Send every sample Vigil stores to Prometheus, Mimir, Thanos Receive or VictoriaMetrics (Remote-Write 1.0). Destinations in the --config.file's remote_write section are listed too.</source>
        <translation>Vigil이 저장하는 모든 샘플을 Prometheus, Mimir, Thanos Receive 또는 VictoriaMetrics로 전송합니다(Remote-Write 1.0). --config.file의 remote_write 섹션에 있는 목적지도 함께 표시됩니다.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Pending samples</source>
        <translation>대기 중인 샘플</translation>
    </message>
    <message>
        <source>Shards</source>
        <translation>샤드</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>Failed samples</source>
        <translation>실패한 샘플</translation>
    </message>
    <message>
        <source>Retried samples</source>
        <translation>재시도한 샘플</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>데이터 소스</translation>
    </message>
    <message>
        <source>Prometheus-compatible query endpoints that graph panels and Explore can read from instead of the local engine.</source>
        <translation>그래프 패널과 탐색에서 로컬 엔진 대신 읽어 올 수 있는 Prometheus 호환 쿼리 엔드포인트입니다.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>인증</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>적용되지 않음: %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>지연됨</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>전송 중</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Basic (%1)</source>
        <translation>Basic (%1)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer 토큰</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Destination saved; the queue starts now.</source>
        <translation>목적지를 저장했습니다. 이제 큐가 시작됩니다.</translation>
    </message>
    <message>
        <source>Destination saved and applied.</source>
        <translation>목적지를 저장하고 적용했습니다.</translation>
    </message>
    <message>
        <source>Choose a destination added here; those of the configuration file are edited there.</source>
        <translation>여기에서 추가한 목적지를 선택하세요. 설정 파일의 목적지는 설정 파일에서 편집합니다.</translation>
    </message>
    <message>
        <source>Destination removed.</source>
        <translation>목적지를 제거했습니다.</translation>
    </message>
    <message>
        <source>Data source saved.</source>
        <translation>데이터 소스를 저장했습니다.</translation>
    </message>
    <message>
        <source>Data source removed.</source>
        <translation>데이터 소스를 제거했습니다.</translation>
    </message>
    <message>
        <source>Choose a data source.</source>
        <translation>데이터 소스를 선택하세요.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>테스트 중…</translation>
    </message>
    <message>
        <source>Answers queries</source>
        <translation>쿼리 응답 가능</translation>
    </message>
    <message>
        <source>“%1” answers queries.</source>
        <translation>“%1”이(가) 쿼리에 응답합니다.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::RemoteWriteDialog</name>
    <message>
        <source>Add remote write destination</source>
        <translation>원격 쓰기 목적지 추가</translation>
    </message>
    <message>
        <source>Edit remote write destination</source>
        <translation>원격 쓰기 목적지 편집</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>e.g. http://mimir:9009/api/v1/push</source>
        <translation>예: http://mimir:9009/api/v1/push</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Basic (username and password)</source>
        <translation>Basic(사용자 이름과 비밀번호)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer 토큰</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>인증</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>사용자 이름</translation>
    </message>
    <message>
        <source>kept in the system keychain</source>
        <translation>시스템 키체인에 보관됨</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>변경 없음(시스템 키체인에 보관됨)</translation>
    </message>
    <message>
        <source>Password or token</source>
        <translation>비밀번호 또는 토큰</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>Queue capacity</source>
        <translation>큐 용량</translation>
    </message>
    <message>
        <source>Shards (min / max)</source>
        <translation>샤드 (최소 / 최대)</translation>
    </message>
    <message>
        <source>Samples per request</source>
        <translation>요청당 샘플 수</translation>
    </message>
    <message>
        <source>Batch send deadline</source>
        <translation>배치 전송 기한</translation>
    </message>
    <message>
        <source>write_relabel_configs (YAML)</source>
        <translation>write_relabel_configs (YAML)</translation>
    </message>
    <message>
        <source>Give the destination a name.</source>
        <translation>수신처 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Basic authentication needs a username.</source>
        <translation>기본 인증에는 사용자 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>The minimum number of shards is above the maximum.</source>
        <translation>최소 샤드 수가 최대 샤드 수보다 큽니다.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ReportGraphs</name>
    <message>
        <source>no query</source>
        <translation>쿼리 없음</translation>
    </message>
    <message>
        <source>the engine is not running</source>
        <translation>엔진이 실행 중이 아닙니다</translation>
    </message>
</context>
<context>
    <name>vigil::ui::RuleEditorDialog</name>
    <message>
        <source>New rule group</source>
        <translation>새 규칙 그룹</translation>
    </message>
    <message>
        <source>Edit rule group %1</source>
        <translation>규칙 그룹 %1 편집</translation>
    </message>
    <message>
        <source>global evaluation interval</source>
        <translation>전역 평가 간격</translation>
    </message>
    <message>
        <source>How often the group is evaluated, e.g. 30s or 1m</source>
        <translation>그룹을 평가하는 주기(예: 30s 또는 1m)</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>그룹 이름</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>간격</translation>
    </message>
    <message>
        <source>Add alert</source>
        <translation>알림 추가</translation>
    </message>
    <message>
        <source>Add recording rule</source>
        <translation>기록 규칙 추가</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>규칙 제거</translation>
    </message>
    <message>
        <source>0s: fire at once</source>
        <translation>0s: 즉시 발생</translation>
    </message>
    <message>
        <source>0s</source>
        <translation>0s</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>심각</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>긴급</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>No severity</source>
        <translation>심각도 없음</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Add label</source>
        <translation>레이블 추가</translation>
    </message>
    <message>
        <source>Remove label</source>
        <translation>레이블 제거</translation>
    </message>
    <message>
        <source>{{ $labels.instance }} is down</source>
        <translation>{{ $labels.instance }} 다운됨</translation>
    </message>
    <message>
        <source>https://wiki.example.org/runbooks/...</source>
        <translation>https://wiki.example.org/runbooks/...</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>표현식</translation>
    </message>
    <message>
        <source>For</source>
        <translation>지속 시간</translation>
    </message>
    <message>
        <source>Keep firing for</source>
        <translation>발생 유지 시간</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>등급</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Runbook URL</source>
        <translation>런북 URL</translation>
    </message>
    <message>
        <source>last hour</source>
        <translation>최근 1시간</translation>
    </message>
    <message>
        <source>last 6 hours</source>
        <translation>최근 6시간</translation>
    </message>
    <message>
        <source>last 24 hours</source>
        <translation>최근 24시간</translation>
    </message>
    <message>
        <source>last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <source>Backtest</source>
        <translation>백테스트</translation>
    </message>
    <message>
        <source>When would this rule have fired? Evaluates it over the stored history</source>
        <translation>이 규칙이 언제 발생했을지 확인합니다. 저장된 기록을 대상으로 규칙을 평가합니다</translation>
    </message>
    <message>
        <source>Backtest over</source>
        <translation>백테스트 범위</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>The group is valid.</source>
        <translation>그룹이 유효합니다.</translation>
    </message>
    <message>
        <source>alerting rule</source>
        <translation>알림 규칙</translation>
    </message>
    <message>
        <source>recording rule</source>
        <translation>기록 규칙</translation>
    </message>
    <message>
        <source>The group needs a name.</source>
        <translation>그룹 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>The interval is not a duration (e.g. 30s, 1m).</source>
        <translation>간격이 기간 형식이 아닙니다(예: 30s, 1m).</translation>
    </message>
    <message>
        <source>Rule %1: “for” and “keep firing for” must be durations (e.g. 5m).</source>
        <translation>규칙 %1: “지속 시간”과 “발생 유지 시간”은 기간 형식이어야 합니다(예: 5m).</translation>
    </message>
    <message>
        <source>The group has no rules.</source>
        <translation>그룹에 규칙이 없습니다.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>저장되지 않음: %1</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>엔진이 실행 중이 아닙니다.</translation>
    </message>
    <message>
        <source>Fix the durations first.</source>
        <translation>먼저 기간을 수정하세요.</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>평가 중…</translation>
    </message>
    <message>
        <source>Backtest failed: %1</source>
        <translation>백테스트 실패: %1</translation>
    </message>
    <message numerus="yes">
        <source>It would not have fired in this range (%n evaluations).</source>
        <translation>
            <numerusform>이 범위에서는 발생하지 않았을 것입니다(평가 %n회).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Would have fired %n time(s) across %1 series; pending %2 time(s) (red: firing, amber: pending).</source>
        <translation>
            <numerusform>시리즈 %1개에서 %n회 발생하고 %2회 대기했을 것입니다(빨간색: 발생, 주황색: 대기).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ui::RuleGroupModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Saved in the console; editable</source>
        <translation>콘솔에 저장됨, 편집 가능</translation>
    </message>
    <message>
        <source>From a rule file; read-only</source>
        <translation>규칙 파일에서 로드됨, 읽기 전용</translation>
    </message>
    <message>
        <source>console</source>
        <translation>콘솔</translation>
    </message>
    <message>
        <source>built-in (read-only)</source>
        <translation>기본 제공(읽기 전용)</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1(읽기 전용)</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>%1마다</translation>
    </message>
    <message>
        <source>never</source>
        <translation>안 함</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 전</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>firing (%1)</source>
        <translation>발생 중(%1)</translation>
    </message>
    <message>
        <source>pending (%1)</source>
        <translation>대기 중(%1)</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>비활성</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Group / rule</source>
        <translation>그룹 / 규칙</translation>
    </message>
    <message>
        <source>Source / kind</source>
        <translation>소스 / 종류</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Last evaluation</source>
        <translation>마지막 평가</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>마지막 오류</translation>
    </message>
</context>
<context>
    <name>vigil::ui::RulesPage</name>
    <message>
        <source>New group…</source>
        <translation>새 그룹…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Save the console's rule groups as one rule file</source>
        <translation>콘솔의 규칙 그룹을 하나의 규칙 파일로 저장합니다</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Rule groups</source>
        <translation>규칙 그룹</translation>
    </message>
    <message>
        <source>Notification channels</source>
        <translation>알림 채널</translation>
    </message>
    <message>
        <source>Export rule groups</source>
        <translation>규칙 그룹 내보내기</translation>
    </message>
    <message>
        <source>Rule files (*.yml *.yaml)</source>
        <translation>규칙 파일 (*.yml *.yaml)</translation>
    </message>
    <message>
        <source>Rules are not available: %1</source>
        <translation>규칙을 사용할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>%1 groups, %2 rules; %3 failing.</source>
        <translation>그룹 %1개, 규칙 %2개, 실패 %3개.</translation>
    </message>
    <message>
        <source>%1 groups, %2 rules.</source>
        <translation>그룹 %1개, 규칙 %2개.</translation>
    </message>
    <message>
        <source>Groups from rule files are read-only; edit the file instead</source>
        <translation>규칙 파일의 그룹은 읽기 전용입니다. 대신 파일을 편집하세요</translation>
    </message>
    <message>
        <source>Saved; the rules are reloaded.</source>
        <translation>저장했습니다. 규칙을 다시 로드했습니다.</translation>
    </message>
    <message>
        <source>Delete rule group</source>
        <translation>규칙 그룹 삭제</translation>
    </message>
    <message>
        <source>Delete the rule group “%1” and its rules?</source>
        <translation>규칙 그룹 “%1”과(와) 해당 규칙을 삭제하시겠습니까?</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation>%1을(를) 삭제할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>There are no rule groups saved in the console.</source>
        <translation>콘솔에 저장된 규칙 그룹이 없습니다.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>%1(으)로 내보냈습니다.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::SeriesTableModel</name>
    <message>
        <source>Series</source>
        <translation>시리즈</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>최소</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>최근</translation>
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
    <name>vigil::ui::SilenceModel</name>
    <message>
        <source>active</source>
        <translation>활성</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>만료됨</translation>
    </message>
    <message>
        <source>until resolved</source>
        <translation>해결될 때까지</translation>
    </message>
    <message>
        <source>Matchers</source>
        <translation>매처</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>생성자</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>설명</translation>
    </message>
</context>
<context>
    <name>vigil::ui::StatusPage</name>
    <message>
        <source>Metric name</source>
        <translation>메트릭 이름</translation>
    </message>
    <message>
        <source>Label name</source>
        <translation>레이블 이름</translation>
    </message>
    <message>
        <source>Label pair</source>
        <translation>레이블 쌍</translation>
    </message>
    <message>
        <source>TSDB status</source>
        <translation>TSDB 상태</translation>
    </message>
    <message>
        <source>Head series</source>
        <translation>헤드 시리즈</translation>
    </message>
    <message>
        <source>Samples appended</source>
        <translation>추가된 샘플</translation>
    </message>
    <message>
        <source>Head chunks</source>
        <translation>헤드 청크</translation>
    </message>
    <message>
        <source>WAL size</source>
        <translation>WAL 크기</translation>
    </message>
    <message>
        <source>Blocks on disk</source>
        <translation>디스크의 블록</translation>
    </message>
    <message>
        <source>Label pairs</source>
        <translation>레이블 쌍</translation>
    </message>
    <message>
        <source>Top 10 metric names by series</source>
        <translation>시리즈 수 상위 10개 메트릭 이름</translation>
    </message>
    <message>
        <source>Top 10 label names by distinct values</source>
        <translation>고유 값 수 상위 10개 레이블 이름</translation>
    </message>
    <message>
        <source>Top 10 label pairs by series</source>
        <translation>시리즈 수 상위 10개 레이블 쌍</translation>
    </message>
    <message>
        <source>The engine is not running.</source>
        <translation>엔진이 실행 중이 아닙니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n block(s)</source>
        <translation>
            <numerusform>블록 %n개에 %1</numerusform>
        </translation>
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
    <message>
        <source>Target</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>인증</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Relabeling</source>
        <translation>레이블 재지정</translation>
    </message>
    <message>
        <source>Checking the system keychain…</source>
        <translation>시스템 키체인을 확인하는 중…</translation>
    </message>
    <message>
        <source>Passwords and tokens are kept in the system keychain, never in Vigil's files.</source>
        <translation>비밀번호와 토큰은 시스템 키체인에 보관되며 Vigil 파일에는 절대 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Passwords and tokens cannot be saved: Vigil never stores them in plain text. Start a Secret Service (GNOME Keyring, KeePassXC) or KWallet.</source>
        <translation>사용할 수 있는 시스템 키체인이 없습니다(%1). 비밀번호와 토큰을 저장할 수 없습니다: Vigil은 이를 평문으로 저장하지 않습니다. Secret Service(GNOME Keyring, KeePassXC) 또는 KWallet을 실행하십시오.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Basic (username and password)</source>
        <translation>기본(사용자 이름과 비밀번호)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer 토큰</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>인증:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>사용자 이름:</translation>
    </message>
    <message>
        <source>Password or token:</source>
        <translation>비밀번호 또는 토큰:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>파일 선택</translation>
    </message>
    <message>
        <source>CA certificate file:</source>
        <translation>CA 인증서 파일:</translation>
    </message>
    <message>
        <source>Client certificate file:</source>
        <translation>클라이언트 인증서 파일:</translation>
    </message>
    <message>
        <source>Client key file:</source>
        <translation>클라이언트 키 파일:</translation>
    </message>
    <message>
        <source>the name the server certificate must match (optional)</source>
        <translation>서버 인증서가 일치해야 하는 이름(선택 사항)</translation>
    </message>
    <message>
        <source>Server name:</source>
        <translation>서버 이름:</translation>
    </message>
    <message>
        <source>relabel_configs as in prometheus.yml (YAML). The preview applies them to this target's labels one rule at a time.</source>
        <translation>prometheus.yml과 같은 형식의 relabel_configs(YAML)입니다. 미리 보기는 규칙을 하나씩 이 대상의 레이블에 적용합니다.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>Labels after the step</source>
        <translation>단계 적용 후 레이블</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>변경 없음(시스템 키체인에 보관됨)</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>변경 없음</translation>
    </message>
    <message>
        <source>Basic authentication needs a username.</source>
        <translation>기본 인증에는 사용자 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>비밀번호를 입력하십시오.</translation>
    </message>
    <message>
        <source>Enter the bearer token.</source>
        <translation>Bearer 토큰을 입력하십시오.</translation>
    </message>
    <message>
        <source>The TLS file “%1” does not exist or cannot be read.</source>
        <translation>TLS 파일 “%1”이(가) 없거나 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>A client certificate needs its key file, and a key file its certificate.</source>
        <translation>클라이언트 인증서에는 키 파일이, 키 파일에는 인증서가 필요합니다.</translation>
    </message>
    <message>
        <source>Relabeling: %1</source>
        <translation>레이블 재지정: %1</translation>
    </message>
    <message>
        <source>The stored secret could not be read: %1</source>
        <translation>저장된 비밀 정보를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Exposition check (%1) found a problem at %2</source>
        <translation>노출 형식 검사(%1)에서 문제를 발견했습니다: %2</translation>
    </message>
    <message>
        <source>Exposition check (%1): no problems in %2 series and %3 metadata lines.</source>
        <translation>노출 형식 검사(%1): 시리즈 %2개와 메타데이터 %3줄에 문제가 없습니다.</translation>
    </message>
    <message>
        <source>Saving the secret in the system keychain…</source>
        <translation>비밀 정보를 시스템 키체인에 저장하는 중…</translation>
    </message>
    <message>
        <source>Not saved: the secret could not be stored in the system keychain (%1). Vigil never stores passwords or tokens in plain text.</source>
        <translation>저장되지 않음: 비밀 정보를 시스템 키체인에 저장할 수 없습니다(%1). Vigil은 비밀번호나 토큰을 평문으로 저장하지 않습니다.</translation>
    </message>
    <message>
        <source>Not saved: the engine stopped.</source>
        <translation>저장되지 않음: 엔진이 중지되었습니다.</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>미리 보기 없음: %1</translation>
    </message>
    <message>
        <source>Discovered</source>
        <translation>발견된 레이블</translation>
    </message>
    <message>
        <source>Rule %1 (%2)</source>
        <translation>규칙 %1 (%2)</translation>
    </message>
    <message>
        <source>— dropped —</source>
        <translation>— 제외됨 —</translation>
    </message>
    <message>
        <source>target dropped</source>
        <translation>대상 제외됨</translation>
    </message>
    <message>
        <source>Invalid target after relabeling: %1</source>
        <translation>레이블 재지정 후 대상이 올바르지 않습니다: %1</translation>
    </message>
    <message>
        <source>Dropped by rule %1: this target would not be scraped.</source>
        <translation>규칙 %1에 의해 제외됨: 이 대상은 수집되지 않습니다.</translation>
    </message>
    <message>
        <source>Target labels</source>
        <translation>대상 레이블</translation>
    </message>
    <message>
        <source>Kept: scraped with the labels %1.</source>
        <translation>유지됨: 레이블 %1(으)로 수집됩니다.</translation>
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
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 중지됨</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>콘솔</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>설정 파일</translation>
    </message>
    <message>
        <source>Discovered labels (before relabeling):</source>
        <translation>발견된 레이블(레이블 재지정 전):</translation>
    </message>
    <message>
        <source>Not scraped: %1</source>
        <translation>수집 안 됨: %1</translation>
    </message>
    <message>
        <source>Target labels (after relabeling):</source>
        <translation>대상 레이블(레이블 재지정 후):</translation>
    </message>
    <message>
        <source>Discovered (%1)</source>
        <translation>발견됨(%1)</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>제외됨</translation>
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
        <source>%1 of %2 up</source>
        <translation>%2개 중 %1개 정상</translation>
    </message>
    <message>
        <source>Selected targets</source>
        <translation>선택한 대상</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 중지</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>Change interval…</source>
        <translation>수집 간격 변경…</translation>
    </message>
    <message>
        <source>Change interval</source>
        <translation>수집 간격 변경</translation>
    </message>
    <message>
        <source>Scrape interval in seconds:</source>
        <translation>수집 간격(초):</translation>
    </message>
    <message>
        <source>prometheus.yml</source>
        <translation>prometheus.yml</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Import targets from prometheus.yml</source>
        <translation>prometheus.yml에서 대상 가져오기</translation>
    </message>
    <message>
        <source>Prometheus configuration (*.yml *.yaml);;All files (*)</source>
        <translation>Prometheus 설정 (*.yml *.yaml);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Export console targets to prometheus.yml</source>
        <translation>콘솔 대상을 prometheus.yml로 내보내기</translation>
    </message>
    <message>
        <source>Prometheus configuration (*.yml *.yaml)</source>
        <translation>Prometheus 설정 (*.yml *.yaml)</translation>
    </message>
    <message>
        <source>Filter by job, endpoint, label, error or source</source>
        <translation>작업, 엔드포인트, 레이블, 오류 또는 출처로 필터링</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>기본 제공</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>설정 파일</translation>
    </message>
    <message>
        <source>Only targets added in the console can be changed here.</source>
        <translation>콘솔에서 추가한 대상만 여기에서 변경할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1: %2 done, %3 failed.</source>
        <translation>%1: %2개 완료, %3개 실패.</translation>
    </message>
    <message>
        <source>Remove targets</source>
        <translation>대상 삭제</translation>
    </message>
    <message numerus="yes">
        <source>Stop scraping and remove %n target(s)?
%1</source>
        <translation>
            <numerusform>대상 %n개의 수집을 중지하고 삭제하시겠습니까?
%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove: %1 done, %2 failed.</source>
        <translation>삭제: %1개 완료, %2개 실패.</translation>
    </message>
    <message>
        <source>Test: %1 OK, %2 failed.</source>
        <translation>테스트: %1개 정상, %2개 실패.</translation>
    </message>
    <message>
        <source>the engine is not running</source>
        <translation>엔진이 실행 중이 아닙니다</translation>
    </message>
    <message>
        <source>%1: %2 samples in %3 ms</source>
        <translation>%1: %3 ms 동안 샘플 %2개</translation>
    </message>
    <message>
        <source>; exposition problem at %1</source>
        <translation>; 노출 형식 문제: %1</translation>
    </message>
    <message>
        <source>Nothing imported: %1</source>
        <translation>가져온 항목 없음: %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>the file has no password or token for it; add it in the form</source>
        <translation>파일에 비밀번호나 토큰이 없습니다. 양식에서 추가하십시오</translation>
    </message>
    <message>
        <source>not imported, its secret cannot be kept in the system keychain (%1)</source>
        <translation>가져오지 않음: 비밀 정보를 시스템 키체인에 보관할 수 없습니다(%1)</translation>
    </message>
    <message>
        <source>Imported %1 of %2 targets from %3.</source>
        <translation>%3에서 대상 %2개 중 %1개를 가져왔습니다.</translation>
    </message>
    <message>
        <source>Job %1 is not importable yet: %2.</source>
        <translation>작업 %1은(는) 아직 가져올 수 없습니다: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n target(s) to %1.</source>
        <translation>
            <numerusform>대상 %n개를 %1(으)로 내보냈습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to %1 failed: %2</source>
        <translation>%1(으)로 내보내기 실패: %2</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>From template</source>
        <translation>템플릿에서</translation>
    </message>
    <message>
        <source>Kubernetes pods (annotations)…</source>
        <translation>Kubernetes 파드(어노테이션)…</translation>
    </message>
    <message>
        <source>Show dropped targets</source>
        <translation>제외된 대상 표시</translation>
    </message>
    <message>
        <source>Also list the discovered targets that are not scraped (dropped by relabeling, or with invalid labels), with the reason</source>
        <translation>수집되지 않는 발견된 대상(레이블 재지정으로 제외되었거나 레이블이 잘못된 대상)도 사유와 함께 표시합니다</translation>
    </message>
    <message>
        <source>Service discovery of %1: %2</source>
        <translation>%1 서비스 검색: %2</translation>
    </message>
    <message>
        <source>Discovered targets follow their discovery source; copy one as a console target to change it.</source>
        <translation>발견된 대상은 검색 소스를 따릅니다. 변경하려면 콘솔 대상으로 복사하세요.</translation>
    </message>
    <message numerus="yes">
        <source>%n dropped</source>
        <translation>
            <numerusform>%n개 제외됨</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy as console target…</source>
        <translation>콘솔 대상으로 복사…</translation>
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
    <message>
        <source>Firing: %1 emergency, %2 critical, %3 warning</source>
        <translation>발생 중: 긴급 %1, 심각 %2, 경고 %3</translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation>확인됨: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ValuePanel</name>
    <message>
        <source>The engine stopped.</source>
        <translation>엔진이 중지되었습니다.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>데이터 없음</translation>
    </message>
</context>
</TS>