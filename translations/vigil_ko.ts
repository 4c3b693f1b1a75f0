<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
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
        <source>The engine is not running.</source>
        <translation>엔진이 실행 중이 아닙니다.</translation>
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
</context>
<context>
    <name>vigil::ui::ValuePanel</name>
    <message>
        <source>The engine is not running.</source>
        <translation>엔진이 실행 중이 아닙니다.</translation>
    </message>
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