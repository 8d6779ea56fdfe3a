"""Build the sample cases under samples/ from the markup below (docs/markup.md).

    python samples/build.py          # rewrites samples/<case>/ files
    python samples/build.py 13-yoon-data-analyst-hwp   # only the cases named

Every document is a real file written by python-docx, fpdf2 (with a Korean font) or python-hwpx,
or a scan of such a file (a pdfium raster saved as .png), so the samples exercise the same
readers as a user's files. Names, companies and numbers are
fictional. Each case shows clean documents or one family of red flags; the expected findings
are listed in samples/README.md."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from render import render  # noqa: E402

CASES: dict[str, dict[str, str]] = {}


def case(name: str, **files: str) -> None:
    CASES[name] = files


# 1. A clean Korean web-developer case: contract (docx), 고용사유서 (pdf), previous-employer letter.
case(
    "01-kim-web-developer",
    **{
        "근로계약서.docx": """
@header 주식회사 한빛커머스
# 근로계약서
주식회사 한빛커머스(이하 "사용자")와 응우옌 반 안(이하 "근로자")은 다음과 같이 근로계약을 체결한다.
| 근로계약기간 | 2026년 3월 2일부터 2028년 3월 1일까지 |
| 근무장소 | 서울특별시 강남구 테헤란로 152, 12층 |
| 직위 | 웹 개발자 (대리) |
| 직종 | E-7-1 (2224 웹 개발자) |
## 담당업무
1. React와 TypeScript로 온라인 쇼핑몰 프론트엔드 화면 개발 (50%)
2. Node.js 기반 주문·결제 REST API 개발 및 유지보수 (30%)
3. 웹사이트 성능 개선 및 크로스브라우저 호환성 테스트 (10%)
4. 해외 고객용 다국어(영어·베트남어) 웹페이지 구축 (10%)
## 소정근로시간
09:00부터 18:00까지 (휴게시간 12:00~13:00), 주 5일 근무
## 임금
- 연봉: 금 48,000,000원 (세전)
- 임금지급일: 매월 25일, 근로자 명의 예금통장에 입금
## 기타
이 계약에 정함이 없는 사항은 근로기준법령에 의한다.
2026년 2월 20일
사용자: 주식회사 한빛커머스 대표이사 박정훈 (인)
근로자: 응우옌 반 안 (서명)
""",
        "고용사유서.pdf": """
# 고용사유서
| 회사명 | 주식회사 한빛커머스 |
| 사업자등록번호 | 120-86-45123 |
| 업태/종목 | 정보통신업 / 전자상거래 소프트웨어 개발 |
| 채용 직위 | 웹 개발자 |
| 직종코드 | E-7-1 / 2224 웹 개발자 |
| 연봉 | 4,800만원 |
## 담당업무
- React와 TypeScript로 온라인 쇼핑몰 프론트엔드 화면 개발 (50%)
- Node.js 기반 주문·결제 REST API 개발 및 유지보수 (30%)
- 웹사이트 성능 개선 및 크로스브라우저 호환성 테스트 (10%)
- 해외 고객용 다국어 웹페이지 구축 (10%)
## 외국인 채용 사유
당사는 2027년 베트남 전자상거래 시장 진출을 준비하고 있으며, 베트남어 웹서비스를 설계·구현할 수 있는 개발자가 필요합니다. 국내 채용 공고를 3개월간 게시하였으나 베트남어와 웹 개발 역량을 함께 갖춘 내국인 지원자를 찾지 못하였습니다.
## 자격 및 경력
응우옌 반 안은 하노이 공과대학교 컴퓨터공학 학사 학위를 취득하였고, 베트남 FPT Software에서 4년간 웹 개발자로 근무하며 React 기반 전자상거래 사이트를 개발하였습니다. 이는 직종코드 2224 웹 개발자의 직무와 직접 일치합니다.
2026년 2월 20일
주식회사 한빛커머스 대표이사 박정훈 (인)
""",
        "경력증명서.pdf": """
# Certificate of Employment
FPT Software Co., Ltd. — 17 Duy Tan, Cau Giay, Hanoi, Vietnam
To whom it may concern,
This is to certify that Mr. Nguyen Van An was employed by FPT Software from 1 July 2021 to 31 December 2025 as a Web Developer in our E-commerce Division.
## Duties
- Developed customer-facing web storefronts in React and Redux for retail clients in Japan and Korea
- Built REST APIs in Node.js and Express for product catalogue and checkout services
- Wrote automated browser tests with Cypress and fixed cross-browser layout defects
- Reviewed pull requests and mentored two junior front-end developers
Sincerely,
Tran Thi Mai, HR Manager
Tel +84 24 3768 9048 · hr@fpt-software.example
""",
    },
)

# 2. Marcus (seed 001): "Marketing Manager" filed as 2733, but the work is SNS video production;
#    the 고용사유서 was copied from the job posting.
case(
    "02-marcus-marketing-manager",
    **{
        "employment_contract.docx": """
# Employment Contract
This Employment Contract is made between Seabreeze Cosmetics Co., Ltd. (the "Employer") and Marcus Bell (the "Employee").
| Position | Marketing Manager |
| Occupation code | E-7-1 2733 |
| Term of employment | 1 April 2026 to 31 March 2028 |
| Place of work | 33 Songdo-dong, Yeonsu-gu, Incheon |
## Job Duties
- Plan, shoot and edit short-form videos for Instagram Reels and TikTok (40%)
- Edit product videos and motion graphics with Premiere Pro and After Effects (25%)
- Create SNS content calendars and write captions for the brand's English accounts (15%)
- Manage influencer partnerships and coordinate content shoots (10%)
- Prepare monthly reports on campaign reach and engagement (10%)
## Salary
Annual salary of KRW 42,000,000 (gross), paid monthly on the 25th.
## Working hours
09:00–18:00, Monday to Friday.
Employer: Seabreeze Cosmetics Co., Ltd., CEO Choi Yuna (signature)
Employee: Marcus Bell (signature)
""",
        "goyong_sayuseo.docx": """
# 고용사유서 (Statement of Employment Reasons)
| 회사명 | 씨브리즈코스메틱 주식회사 |
| 직위 | Marketing Manager |
| 직종 | 광고 및 홍보 전문가 (2733) |
| 연봉 | 연 4,200만원 |
## 채용 사유
We are looking for a creative Marketing Manager to lead our global brand. The ideal candidate has 5+ years of experience in digital marketing and a passion for beauty.
## 담당업무
- Plan, shoot and edit short-form videos for Instagram Reels and TikTok
- Edit product videos and motion graphics with Premiere Pro and After Effects
- Create SNS content calendars and write captions
- Manage influencer partnerships
## 우대사항
- Native English speaker
- Experience with K-beauty brands preferred
씨브리즈코스메틱 주식회사 대표이사 최유나 (인)
""",
        "reference_letter.pdf": """
# Employment Verification Letter
Brightline Media LLC, 410 Market Street, Portland, OR, USA
To whom it may concern,
Marcus Bell was employed by Brightline Media LLC as a Social Media Video Producer from March 2019 to January 2026.
His duties included:
- Producing and editing branded video content for YouTube, Instagram and TikTok
- Operating cameras, lighting and audio on location shoots
- Creating motion graphics templates in After Effects
Sincerely,
Dana Whitfield, Creative Director
dana.whitfield@brightline.example
""",
    },
)

# 3. A clean English overseas-sales case (2742): contract as PDF, statement as docx.
case(
    "03-priya-overseas-sales",
    **{
        "contract.pdf": """
# EMPLOYMENT AGREEMENT
between Daehan Precision Tools Co., Ltd. ("the Employer") and Priya Raman ("the Employee")
1. Position: Overseas Sales Specialist (해외영업)
2. Occupation code: E-7-1, 2742 해외 영업원
3. Term: 2 May 2026 to 1 May 2028
## 4. Duties
- Identify and qualify distributors for cutting tools in India, Sri Lanka and the Gulf states
- Negotiate export prices, payment terms and Incoterms with overseas buyers
- Prepare quotations, proforma invoices and export sales contracts
- Represent the company at overseas trade shows (IMTEX, EMO) and follow up leads
- Report monthly export sales forecasts to the Overseas Sales Team leader
## 5. Compensation
Monthly salary of KRW 3,800,000 before tax, paid on the 10th of each month.
## 6. Working hours
40 hours per week, Monday to Friday.
Signed: Kang Minho, CEO, Daehan Precision Tools Co., Ltd.
Signed: Priya Raman
""",
        "statement_of_employment_reasons.docx": """
# Statement of Employment Reasons
Company: Daehan Precision Tools Co., Ltd. (Changwon, Gyeongsangnam-do)
Position: Overseas Sales Specialist
Occupation code: 2742 (해외 영업원), E-7-1
Annual salary: KRW 45,600,000
## Duties
- Identify and qualify distributors for cutting tools in India, Sri Lanka and the Gulf states
- Negotiate export prices, payment terms and Incoterms with overseas buyers
- Prepare quotations, proforma invoices and export sales contracts
- Represent the company at overseas trade shows and follow up leads
## Why a foreign national is needed
Our exports to South Asia grew 40% in 2025 and we have no staff who speak Hindi or Tamil or know the region's distributor networks. Ms. Raman brings both, which Korean candidates we interviewed could not.
## Qualifications
Ms. Raman holds a Bachelor of Engineering in Mechanical Engineering (Anna University, 2016) and has 7 years of export sales experience with tooling manufacturers, which fits occupation code 2742.
Kang Minho, CEO (seal)
""",
        "experience_letter.docx": """
# Experience Certificate
Kennametal Widia India Pvt. Ltd., Bengaluru
This is to certify that Ms. Priya Raman worked with us as Export Sales Executive from 4 June 2018 to 28 February 2026.
During her employment she handled distributor sales in Sri Lanka, Bangladesh and the UAE, negotiated annual supply contracts with key accounts, and coordinated shipments and letters of credit with the logistics team.
Yours faithfully,
S. Narayanan, Head – Human Resources
Phone: +91 80 2839 4411
""",
    },
)

# 4. Generic title and vague duties (English).
case(
    "04-alex-consultant",
    **{
        "contract.docx": """
# Employment Contract
Between Orbit Partners Korea Ltd. (Employer) and Alex Moreau (Employee)
| Job Title | Consultant |
| Code | E-7-1 2715 |
| Salary | KRW 40,000,000 per year |
| Term | 1 June 2026 – 31 May 2027 |
## Responsibilities
- Support the team with client projects
- Assist management with various tasks
- Other duties as assigned by the company
Employer: Orbit Partners Korea Ltd. (signature)  Employee: Alex Moreau (signature)
""",
        "statement.docx": """
# Statement of Employment Reasons
Position: Consultant
Occupation code: 2715 경영 및 진단 전문가
Annual salary: KRW 40,000,000
## Main duties
- Support the team with client projects
- General administrative duties
- Other duties as assigned
## Reason for hiring a foreign national
Mr. Moreau speaks French and English and will help our European clients.
Orbit Partners Korea Ltd., CEO Lee Jisoo
""",
    },
)

# 5. A Korean 고용사유서 that never cites the code (the consultant recorded it in the manifest).
case(
    "05-tran-translator-no-code",
    **{
        "doclint-case.toml": 'code = "2814"\nsubcategory = "E-7-1"\napplicant = "Tran Thi Lan"\n',
        "근로계약서.docx": """
# 표준근로계약서
(주)아시아브릿지 (이하 "갑"이라 함)과 쩐티란 (이하 "을"이라 함)은 다음과 같이 근로계약을 체결한다.
1. 근로계약기간: 2026년 4월 1일부터 2027년 3월 31일까지
2. 근무장소: 부산광역시 해운대구 센텀중앙로 55
3. 직위: 번역·통역 담당 (주임)
4. 업무의 내용:
- 한국어·베트남어 제품 매뉴얼 및 계약서 번역
- 베트남 협력사와의 화상회의 순차 통역
- 베트남어 홈페이지 및 마케팅 자료 현지화 감수
5. 임금: 월 3,100,000원 (기본급 포함, 세전)
6. 소정근로시간: 09시 00분부터 18시 00분까지
2026년 3월 15일
갑: (주)아시아브릿지 대표 정수민 (인)
을: 쩐티란 (서명)
""",
        "고용사유서.docx": """
# 고용사유서
| 업체명 | (주)아시아브릿지 |
| 채용예정자 | 쩐티란 (베트남) |
| 직위 | 번역·통역 담당 |
## 담당업무
- 한국어·베트남어 제품 매뉴얼 및 계약서 번역
- 베트남 협력사와의 화상회의 순차 통역
- 베트남어 홈페이지 및 마케팅 자료 현지화 감수
## 채용 사유
당사는 베트남 협력사 12곳과 거래하고 있으나 전문 번역 인력이 없어 외부 번역료가 연 6천만원 이상 발생하고 있습니다. 베트남어 원어민으로서 한국어능력시험 6급을 보유한 전문 번역 인력이 필요하여 채용하고자 합니다.
## 학력 및 경력
하노이 국립외국어대학교 한국어학과 학사, 한국외국어대학교 통번역대학원 한베과 석사 졸업.
2026년 3월 15일  (주)아시아브릿지 대표 정수민 (인)
""",
    },
)

# 6. A previous-employer letter that gives only dates and title.
case(
    "06-sato-letter-without-duties",
    **{
        "contract.docx": """
# Employment Contract
Between Hanul Mobility Inc. ("Employer") and Kenji Sato ("Employee")
| Position | Mechanical Design Engineer |
| Occupation code | 2351 기계공학 기술자 (E-7-1) |
| Salary | KRW 52,000,000 per annum |
## Duties
- Design electric scooter frames and suspension parts in SolidWorks
- Run structural and fatigue analyses with ANSYS and revise designs
- Prepare 2D manufacturing drawings with GD&T for suppliers
- Plan and witness prototype durability tests
Signed by both parties on 10 January 2026.
""",
        "statement.pdf": """
# 고용사유서 (Statement of Employment Reasons)
Company: Hanul Mobility Inc.
Position / 직위: Mechanical Design Engineer
직종코드: 2351 기계공학 기술자
연봉: 52,000,000원
## 담당업무 / Duties
- Design electric scooter frames and suspension parts in SolidWorks
- Run structural and fatigue analyses with ANSYS
- Prepare manufacturing drawings with GD&T for suppliers
## 채용 사유 / Reason
Mr. Sato has 8 years of lightweight frame design experience at a Japanese motorcycle maker, a skill our Korean engineering team lacks.
## 자격 / Qualifications
B.Eng. in Mechanical Engineering, Tohoku University; 8 years of design experience.
Hanul Mobility Inc. CEO Yoon Daesung (seal)
""",
        "employment_certificate.pdf": """
# Certificate of Employment
Kawaguchi Motor Co., Ltd., Hamamatsu, Japan
We hereby certify that Kenji Sato was employed by our company as follows.
| Name | Kenji Sato |
| Position | Engineer |
| Department | Design Dept. 2 |
| Period | April 2017 – November 2025 |
Issued on 5 December 2025
Kawaguchi Motor Co., Ltd., General Affairs Department
""",
    },
)

# 7. A Korean contract with no duties at all.
case(
    "07-park-contract-without-duties",
    **{
        "근로계약서.pdf": """
# 근로계약서
(주)그린에너지솔루션(이하 "회사")과 아메드 칸(이하 "근로자")은 아래와 같이 근로계약을 체결한다.
| 근로계약기간 | 2026. 5. 1. ~ 2028. 4. 30. |
| 근무장소 | 울산광역시 남구 산업로 300 |
| 직위 | 선임 연구원 |
| 직종코드 | 2371 환경공학 기술자 |
| 연봉 | 금 오천만원정 (50,000,000원) |
| 근로시간 | 09:00 ~ 18:00 (주 40시간) |
| 휴일 | 주휴일 일요일, 근로자의 날, 관공서 공휴일 |
본 계약에 명시되지 않은 사항은 근로기준법 및 회사 취업규칙에 따른다.
2026년 4월 10일
회사: (주)그린에너지솔루션 대표이사 한동민 (인)
근로자: 아메드 칸 (서명)
""",
        "고용사유서.docx": """
# 고용사유서
| 업체명 | (주)그린에너지솔루션 |
| 직위 | 선임 연구원 (환경공학) |
| 직종코드 | E-7-1 2371 환경공학 기술자 |
## 담당업무
- 폐수처리 공정 설계 및 운전 데이터 분석
- 대기오염 방지설비 성능시험 계획 수립 및 결과 보고서 작성
- 환경영향평가 보고서 작성 지원 및 인허가 서류 검토
## 채용 사유
중동 지역 담수화 플랜트 수주에 대비하여 현지 규제와 공정에 정통한 환경공학 전문가가 필요함.
## 학력 및 경력
파키스탄 공과대학교 환경공학 석사, 수처리 플랜트 설계 경력 6년.
(주)그린에너지솔루션 대표이사 한동민 (인)
""",
    },
)

# 8. A broken upload: a truncated .docx and an empty PDF next to a readable 고용사유서.
case(
    "08-broken-upload",
    **{
        "고용사유서.docx": """
# 고용사유서
| 직위 | 데이터 분석가 |
| 직종코드 | E-7-1 2231 데이터 전문가 |
## 담당업무
- 전자상거래 주문 데이터 수집 파이프라인 구축 (Python, Airflow)
- 고객 이탈 예측 머신러닝 모델 개발 및 성능 검증
- 경영진 보고용 매출 대시보드(Tableau) 설계
## 채용 사유
인도네시아 시장 데이터를 분석할 수 있는 인도네시아어 구사 데이터 전문가가 필요함.
## 학력
반둥공과대학교 통계학 석사, 데이터 분석 경력 5년.
""",
    },
)

# 9. A clean bilingual E-7-2 hotel front-desk case.
case(
    "09-maria-hotel-front-desk",
    **{
        "employment_contract.docx": """
# 근로계약서 (Employment Contract)
그랜드오션호텔 주식회사(관광호텔업) / Grand Ocean Hotel Co., Ltd. (registered tourist hotel)
| 직위 / Position | 프런트 데스크 직원 / Front Desk Agent |
| 직종 / Occupation | E-7-2 3922 호텔 접수 사무원 |
| 기간 / Term | 2026.06.01 ~ 2027.05.31 |
| 급여 / Salary | 월 2,600,000원 / KRW 2,600,000 per month |
## 담당업무 / Duties
- 외국인 투숙객 체크인·체크아웃 및 객실 배정 (Check-in/check-out and room assignment for foreign guests)
- Opera PMS로 예약 변경 및 객실 요금 정산 (Reservation changes and billing in Opera PMS)
- 영어·스페인어로 관광 안내 및 고객 불만 응대 (Concierge information and complaint handling in English and Spanish)
- 분실물 및 귀중품 보관 관리 (Lost-and-found and safe-deposit handling)
사용자 / Employer: 그랜드오션호텔 주식회사 대표이사 오세진 (인)
근로자 / Employee: Maria Gonzalez (signature)
""",
        "고용사유서.pdf": """
# 고용사유서
| 업체명 | 그랜드오션호텔 주식회사 (관광호텔업 등록) |
| 직위 | 프런트 데스크 직원 |
| 직종 | E-7-2 / 3922 호텔 접수 사무원 |
| 급여 | 월 260만원 |
## 담당업무
- 외국인 투숙객 체크인·체크아웃 및 객실 배정
- Opera PMS로 예약 변경 및 객실 요금 정산
- 영어·스페인어로 관광 안내 및 고객 불만 응대
## 채용 사유
중남미 단체 관광객이 전체 투숙객의 25%를 차지하나 스페인어가 가능한 프런트 직원이 없어 외국인 전문 인력을 채용하고자 함.
## 자격
멕시코 과달라하라 대학교 호텔경영학 학사, 호텔 프런트 경력 3년.
그랜드오션호텔 주식회사 대표이사 오세진 (인)
""",
    },
)

# 10. A hybrid start-up role: development, design and project management, none dominant.
case(
    "10-sam-hybrid-startup",
    **{
        "contract.docx": """
# Employment Contract
Between Lumen Labs Inc. and Sam Okafor
Position: Product Engineer
Occupation code: 2223 응용 소프트웨어 개발자
Annual salary: KRW 55,000,000
## Duties
- Develop features of the Android and iOS apps in Kotlin and Swift (35%)
- Design app screens, icons and marketing banners in Figma and Illustrator (35%)
- Run sprint planning, track the roadmap and report progress to investors (30%)
Signed: Lumen Labs Inc. / Sam Okafor
""",
        "statement.docx": """
# Statement of Employment Reasons
Lumen Labs Inc.
Position: Product Engineer
Occupation code: E-7-1 2223
## Duties
- Develop features of the Android and iOS apps in Kotlin and Swift (35%)
- Design app screens, icons and marketing banners in Figma and Illustrator (35%)
- Run sprint planning, track the roadmap and report progress to investors (30%)
## Reason for hiring a foreign worker
Mr. Okafor built two consumer apps for the Nigerian market, our first overseas market.
## Qualifications
B.Sc. Computer Science, University of Lagos; 6 years of mobile development.
""",
    },
)

# 11. A salary under the E-7-1 floor.
case(
    "11-lee-salary-below-threshold",
    **{
        "근로계약서.docx": """
# 근로계약서
| 사용자 | (주)미래로봇 |
| 근로자 | 올가 페트로바 |
| 직위 | 로봇 제어 소프트웨어 엔지니어 |
| 직종코드 | 2352 로봇공학 전문가 |
| 급여 | 월 2,200,000원 |
## 담당업무
- 협동로봇 관절 제어 알고리즘 개발 (C++, ROS2)
- 로봇 경로계획 시뮬레이션 및 성능 검증
- 현장 설치 로봇의 제어 파라미터 튜닝 및 장애 분석
2026년 1월 5일 (주)미래로봇 대표 서지훈 (인)
""",
        "고용사유서.docx": """
# 고용사유서
| 업체명 | (주)미래로봇 |
| 직위 | 로봇 제어 소프트웨어 엔지니어 |
| 직종코드 | E-7-1 2352 로봇공학 전문가 |
| 연봉 | 2,640만원 |
## 담당업무
- 협동로봇 관절 제어 알고리즘 개발 (C++, ROS2)
- 로봇 경로계획 시뮬레이션 및 성능 검증
- 현장 설치 로봇의 제어 파라미터 튜닝 및 장애 분석
## 채용 사유
러시아 및 중앙아시아 고객사 기술지원을 위해 러시아어가 가능한 로봇 제어 전문가가 필요함.
## 학력 및 경력
바우만 모스크바 국립공과대학교 로봇공학 석사, 로봇 제어 경력 4년.
""",
    },
)

# 12. A Korean 고용사유서 whose duties are run-on prose (app developer, clean).
case(
    "12-choi-app-developer-prose",
    **{
        "고용사유서.txt": """
고용사유서

1. 회사 개요: (주)핀테크원, 서울 영등포구 여의대로 24, 모바일 간편결제 서비스 운영
2. 채용 직위: 모바일 앱 개발자 (과장)
3. 직종코드: E-7-1(2223 응용 소프트웨어 개발자)
4. 연봉: 금 60,000,000원
5. 담당업무: 간편결제 안드로이드 앱을 Kotlin으로 개발하고, iOS 앱의 결제 모듈을 Swift로 유지보수하며, 앱 배포 자동화 파이프라인을 구축하고, 결제 오류 로그를 분석하여 장애 원인을 개선함.
6. 채용 사유: 당사는 2026년 하반기 인도네시아 간편결제 시장에 진출할 예정이며, 현지 결제 규격과 모바일 앱 개발 경험을 모두 갖춘 인력이 국내에 부족하여 외국인 전문 인력을 채용하고자 합니다.
7. 학력 및 경력: 인도네시아 대학교 컴퓨터과학 학사, 자카르타 소재 핀테크 기업에서 모바일 앱 개발 경력 6년.

2026년 5월 2일
(주)핀테크원 대표이사 임재현 (인)
""",
        "근로계약서.docx": """
# 근로계약서
(주)핀테크원(이하 "갑")과 부디 산토소(이하 "을")는 다음과 같이 근로계약을 체결한다.
| 직위 | 모바일 앱 개발자 (과장) |
| 근로계약기간 | 2026. 6. 1. ~ 2028. 5. 31. |
| 연봉 | 금 60,000,000원 |
## 업무내용
- 간편결제 안드로이드 앱 개발 (Kotlin)
- iOS 앱 결제 모듈 유지보수 (Swift)
- 앱 배포 자동화 파이프라인 구축
- 결제 오류 로그 분석 및 장애 개선
갑: (주)핀테크원 대표이사 임재현 (인)   을: 부디 산토소 (서명)
""",
    },
)


# 13. An HWP case: the 고용사유서 as .hwpx with a duty table, the contract as HWP 5 (.hwp), both
# written by python-hwpx; the two state different salaries.
case(
    "13-yoon-data-analyst-hwp",
    **{
        "고용사유서.hwpx": """
# 고용사유서
| 회사명 | 주식회사 데이터온 |
| 업태/종목 | 정보통신업 / 데이터 분석 서비스 |
| 채용 직위 | 데이터 분석가 |
| 직종코드 | E-7-1 / 2231 데이터 전문가 |
| 연봉 | 5,500만원 |
## 담당업무
| 업무 내용 | 비중 |
| Python과 SQL로 고객·매출 데이터를 정제하고 통계 분석 보고서 작성 | 40% |
| Spark 기반 데이터 파이프라인 구축 및 데이터 웨어하우스 적재 | 30% |
| 수요 예측 머신러닝 모델 학습 및 평가 | 20% |
| Tableau 대시보드 개발 및 경영진 보고 | 10% |
## 외국인 채용 사유
당사는 몽골과 카자흐스탄 유통사의 판매 데이터를 분석하는 사업을 시작하며, 러시아어와 몽골어 데이터를 직접 다룰 수 있는 분석 인력이 필요합니다. 국내 채용 공고를 2개월간 게시하였으나 적합한 지원자가 없었습니다.
## 자격 및 경력
윤바야르는 몽골국립대학교 통계학 석사를 취득하고 울란바토르 소재 통신사에서 5년간 데이터 분석가로 근무하며 고객 이탈 예측 모델을 개발하였습니다. 이는 직종코드 2231 데이터 전문가의 직무와 일치합니다.
2026년 4월 10일
주식회사 데이터온 대표이사 한승우 (인)
""",
        "근로계약서.hwp": """
# 근로계약서
주식회사 데이터온(이하 "갑")과 윤바야르(이하 "을")는 다음과 같이 근로계약을 체결한다.
| 직위 | 데이터 분석가 |
| 근로계약기간 | 2026. 5. 1. ~ 2028. 4. 30. |
| 연봉 | 금 52,000,000원 |
## 담당업무
1. Python과 SQL로 고객·매출 데이터 정제 및 통계 분석 보고서 작성
2. Spark 기반 데이터 파이프라인 구축 및 데이터 웨어하우스 적재
3. 수요 예측 머신러닝 모델 학습 및 평가
4. Tableau 대시보드 개발
갑: 주식회사 데이터온 대표이사 한승우 (인)   을: 윤바야르 (서명)
""",
    },
)

# 14. A scanned previous-employer letter (a 200 dpi grey PNG with no text: read by OCR) that gives
# only dates and a title; findings on it say the text came from OCR.
case(
    "14-lin-scanned-letter",
    **{
        "contract.docx": """
# Employment Contract
This contract is made between Seoul Logistics Tech Co., Ltd. (the "Company") and Lin Wei (the "Employee").
| Position | Software Developer |
| Occupation code | E-7-1 2223 Application software developer |
| Contract period | 1 June 2026 to 31 May 2028 |
| Annual salary | KRW 54,000,000 |
## Duties
- Develop modules of the warehouse management system (Java) and customise them to client requirements
- Implement business logic and batch programs for logistics: routing, stock moves, carrier billing
- Write unit and integration tests and fix bugs reported by users
Signed: Kim Dohyun, CEO, Seoul Logistics Tech Co., Ltd.    Lin Wei
""",
        "statement.docx": """
# Statement of Employment Reasons (고용사유서)
| Company | Seoul Logistics Tech Co., Ltd. |
| Position | Software Developer |
| Occupation code | E-7-1 / 2223 Application software developer |
| Annual salary | KRW 54,000,000 |
## Duties
- Develop modules of the warehouse management system (Java) and customise them to client requirements
- Implement business logic and batch programs for logistics: routing, stock moves, carrier billing
- Write unit and integration tests and fix bugs reported by users
## Why a foreign national is needed
We are opening a logistics hub in Shenzhen and need a developer who reads Chinese carrier documentation and can work with our partners there. Our domestic posting ran for 10 weeks without a qualified applicant.
## Qualifications
Mr. Lin holds a BSc in Computer Science from Zhejiang University and worked four years as a Java developer at a logistics software company, which matches code 2223.
Kim Dohyun, CEO
""",
        "employment_certificate.png": """
# Certificate of Employment
Hangzhou Cargo Software Co., Ltd.
This is to certify that Mr. Lin Wei was employed by our company from 1 March 2021 to 28 February 2025 as a Java Developer.
We wish him every success.
Zhang Min, HR Manager
Hangzhou Cargo Software Co., Ltd.
""",
    },
)


def _broken(folder: Path) -> None:
    """Case 08's unreadable files: a .docx cut off mid-download and a 0-byte PDF."""
    good = folder / "_full.docx"
    render("# 근로계약서\n| 직위 | 데이터 분석가 |\n## 담당업무\n- 데이터 분석", good)
    data = good.read_bytes()
    (folder / "근로계약서.docx").write_bytes(data[: len(data) // 3])
    good.unlink()
    (folder / "경력증명서.pdf").write_bytes(b"")


def build(root: Path = HERE, only: list[str] | None = None) -> list[Path]:
    written: list[Path] = []
    for name, files in CASES.items():
        if only and name not in only:
            continue
        folder = root / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for filename, source in files.items():
            path = folder / filename
            if filename.endswith(".toml"):
                path.write_text(source, encoding="utf-8")
            else:
                render(source, path)
            written.append(path)
        if name == "08-broken-upload":
            _broken(folder)
    return written


if __name__ == "__main__":
    chosen = sys.argv[1:] or None  # case names: rebuild only those
    paths = build(only=chosen)
    print(f"wrote {len(paths)} documents in {len(chosen or CASES)} cases under {HERE}")
